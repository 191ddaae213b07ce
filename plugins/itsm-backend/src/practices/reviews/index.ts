import { PermissionsService } from '@backstage/backend-plugin-api';
import { OPEN_REVIEW_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { RecordNotifier } from '../../records/notifier';
import { RECORD_TABLES } from '../../records/tables';
import type { ItsmPractice } from '../practice';
import { KnexReviewStore } from './KnexReviewStore';
import { ReviewActionService } from './ReviewActionService';
import { ReviewSchedulerJob } from './ReviewSchedulerJob';
import { ReviewService } from './ReviewService';
import {
  REVIEW_PACK_GENERATOR_VERSION,
  ReviewPackGenerator,
  hashReviewPack,
} from './pack';
import { ReviewAccess, registerReviewPermissions } from './reviewPermissions';
import { reviewRecordType } from './reviewRecordType';
import { createReviewsRouter } from './reviewRoutes';

declare module '../../services' {
  interface ItsmServices {
    /** Service reviews: scheduling, the frozen pack, minutes, sign-off and close. */
    reviews: ReviewService;
    /** Actions recorded at service reviews, tracked until done. */
    reviewActions: ReviewActionService;
    /** The review scheduling job (scheduled, and on demand). */
    reviewScheduler: ReviewSchedulerJob;
    /** Quiet copies for imports: no signals or notifications, the given permissions and clock. */
    reviewImports(overrides: ServiceOverrides): {
      reviews: ReviewService;
      actions: ReviewActionService;
      scheduler: ReviewSchedulerJob;
    };
  }
}

/** How often the scheduling job runs. */
const SCHEDULING_FREQUENCY_MINUTES = 60;

/**
 * Service reviews with their customers (DESIGN §3 "Service review"): `REV-n` scheduled from
 * the SLA's cadence, the pack frozen into the review, minutes, decisions, sign-off by a member
 * of the SLA's customer groups and actions tracked until done; closing a review moves the
 * SLA's last review date.
 */
export const reviewsPractice: ItsmPractice = {
  name: 'reviews',
  services: async (deps, before) => {
    const store = await KnexReviewStore.create(deps);
    const ruleset = registerReviewPermissions(deps.permissionsRegistry, seq =>
      store.getReview(seq),
    );
    const catalog = new ItsmCatalog(deps);
    const build = (options: {
      permissions: PermissionsService;
      notifier: RecordNotifier;
      slas: typeof before.slas;
      notifications?: typeof deps.notifications;
      trustedImport?: boolean;
      now?: () => Date;
    }) => {
      const packs = new ReviewPackGenerator({
        slaReports: before.slaReports,
        slas: options.slas,
        satisfaction: before.satisfaction,
        complaints: before.complaints,
        catalog,
        auth: deps.auth,
        database: deps.database,
        logger: deps.logger,
        now: options.now,
      });
      const reviews = new ReviewService({
        store,
        access: new ReviewAccess({
          permissions: options.permissions,
          ruleset,
        }),
        slas: options.slas,
        catalog,
        packs,
        hash: hashReviewPack,
        generatorVersion: REVIEW_PACK_GENERATOR_VERSION,
        notifier: options.notifier,
        auth: deps.auth,
        trustedImport: options.trustedImport,
        now: options.now,
      });
      const actions = new ReviewActionService({
        store,
        reviews,
        links: before.links,
        userInfo: deps.userInfo,
      });
      const scheduler = new ReviewSchedulerJob({
        store,
        reviews,
        slas: options.slas,
        auth: deps.auth,
        notifications: options.notifications,
        logger: deps.logger,
        now: options.now,
      });
      return { reviews, actions, scheduler };
    };
    const live = build({
      permissions: deps.permissions,
      notifier: new RecordNotifier(deps),
      slas: before.slas,
      notifications: deps.notifications,
    });
    return {
      reviews: live.reviews,
      reviewActions: live.actions,
      reviewScheduler: live.scheduler,
      // Imports write quietly: no signals, no notifications, their own permissions and clock.
      reviewImports: overrides =>
        build({
          ...overrides,
          notifier: new RecordNotifier({ logger: deps.logger }),
          slas: before.quiet(overrides).slas,
          trustedImport: true,
        }),
    };
  },
  routers: context => [
    createReviewsRouter({
      reviews: context.reviews,
      actions: context.reviewActions,
      scheduler: context.reviewScheduler,
      httpAuth: context.httpAuth,
      auditor: context.auditor,
    }),
  ],
  linkables: services => [services.reviews.linkable()],
  ownedEntities: [
    {
      name: 'review',
      table: RECORD_TABLES.entities,
      seqColumn: 'record_seq',
      recordType: reviewRecordType.recordType,
      records: reviewRecordType.table,
      openStatuses: OPEN_REVIEW_STATUSES,
    },
  ],
  isEmpty: async (services, ctx) =>
    (await services.reviews.list({ limit: 1 }, ctx)).items.length === 0,
  jobs: async (services, { scheduler, logger }) => {
    await scheduler.scheduleTask({
      id: 'itsm-review-scheduling',
      frequency: { minutes: SCHEDULING_FREQUENCY_MINUTES },
      timeout: { minutes: 15 },
      initialDelay: { minutes: 2 },
      // One replica runs each invocation; the schedule key and the ledger make a rerun harmless.
      scope: 'global',
      fn: async () => {
        const { scheduled, notified } = await services.reviewScheduler.run();
        if (scheduled.length || notified) {
          logger.info(
            `Review scheduling: scheduled ${
              scheduled.join(', ') || 'none'
            }, ${notified} notifications`,
          );
        }
      },
    });
  },
};
