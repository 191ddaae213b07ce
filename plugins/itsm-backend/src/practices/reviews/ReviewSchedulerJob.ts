import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  ServiceLevelAgreement,
  reviewActionId,
  reviewActionNotice,
  reviewNotice,
} from '@backstage-itsm/plugin-itsm-common';
import { PLUGIN_SUBJECT } from '../../records/context';
import type { AgreementService } from '../service-levels/AgreementService';
import type { KnexReviewStore } from './KnexReviewStore';
import type { ReviewService } from './ReviewService';
import {
  REVIEW_ACTION_LEDGER_TYPE,
  reviewRecordType,
} from './reviewRecordType';

const PAGE = 200;

/** What one run did. */
export interface ReviewSchedulingResult {
  /** Reviews scheduled by this run. */
  scheduled: string[];
  /** Notifications recorded (and sent) by this run. */
  notified: number;
}

/** Whether an SLA is in force at `now`: it took effect (or was revised) and has not ended. */
function inForce(sla: ServiceLevelAgreement, now: Date): boolean {
  const ended =
    sla.effectiveTo !== null && Date.parse(sla.effectiveTo) <= now.getTime();
  const started =
    Date.parse(sla.effectiveFrom) <= now.getTime() || sla.revision > 1;
  return started && !ended;
}

/**
 * The review scheduling job (global scope, idempotent across runs and replicas):
 *
 * - every SLA in force without an open review gets its next review, `scheduled` one cadence
 *   after its last review (or its start) for the period since; the key (SLA, period start)
 *   makes it one review whoever runs;
 * - the service owner is told a review is due ({@link REVIEW_DUE_LEAD_DAYS} before it) and
 *   that it is overdue, each once (the notification ledger);
 * - action owners are reminded of actions due soon and overdue, each once per due date;
 * - the SLA's customer groups stored with open reviews follow the SLA.
 */
export class ReviewSchedulerJob {
  readonly #store: KnexReviewStore;
  readonly #reviews: ReviewService;
  readonly #slas: AgreementService;
  readonly #auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  readonly #notifications?: NotificationService;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexReviewStore;
    reviews: ReviewService;
    slas: AgreementService;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    notifications?: NotificationService;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#reviews = options.reviews;
    this.#slas = options.slas;
    this.#auth = options.auth;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  async run(): Promise<ReviewSchedulingResult> {
    const now = this.#now();
    const result: ReviewSchedulingResult = { scheduled: [], notified: 0 };
    const slas = await this.#slasInForce(now);
    for (const sla of slas.values()) {
      const seq = Number(sla.id.slice('SLA-'.length));
      if (await this.#store.hasOpenReview(seq)) continue;
      const review = await this.#reviews.scheduleNext(sla);
      if (review) result.scheduled.push(review.id);
    }
    await this.#refreshCustomers(slas);
    result.notified += await this.#reviewNotices(now);
    result.notified += await this.#actionNotices(now);
    return result;
  }

  async #slasInForce(now: Date): Promise<Map<number, ServiceLevelAgreement>> {
    const ctx = { credentials: await this.#auth.getOwnServiceCredentials() };
    const slas = new Map<number, ServiceLevelAgreement>();
    let cursor: string | undefined;
    do {
      const page = await this.#slas.list(
        { limit: PAGE, cursor, order: 'asc' },
        ctx,
      );
      for (const sla of page.items) {
        if (inForce(sla, now)) {
          slas.set(Number(sla.id.slice('SLA-'.length)), sla);
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return slas;
  }

  /** Customer groups stored with open reviews follow their SLA (bookkeeping, no version). */
  async #refreshCustomers(
    slas: Map<number, ServiceLevelAgreement>,
  ): Promise<void> {
    let afterSeq = 0;
    for (;;) {
      const open = await this.#store.listOpenReviews({ afterSeq, limit: PAGE });
      for (const review of open) {
        const sla = slas.get(review.slaSeq);
        const groups = sla?.customerGroups
          .map(g => g.toLocaleLowerCase('en-US'))
          .sort();
        if (groups && groups.join() !== review.customerGroups.join()) {
          await this.#store.setCustomerGroups(review.seq, groups);
        }
      }
      if (open.length < PAGE) return;
      afterSeq = open[open.length - 1].seq;
    }
  }

  async #reviewNotices(now: Date): Promise<number> {
    let sent = 0;
    let afterSeq = 0;
    for (;;) {
      const reviews = await this.#store.listUnheldReviews({
        afterSeq,
        limit: PAGE,
      });
      for (const review of reviews) {
        const notice = reviewNotice(
          {
            status: review.status,
            scheduledFor: review.scheduledFor.toISOString(),
          },
          now,
        );
        if (!notice || !review.ownerRef) continue;
        const id = reviewRecordType.id(review.seq);
        const day = review.scheduledFor.toISOString().slice(0, 10);
        const cycle = review.scheduledFor.toISOString();
        sent += await this.#notify({
          key: {
            recordType: reviewRecordType.recordType,
            recordSeq: review.seq,
            clock: 'review',
            purpose: notice,
            cycle,
          },
          reviewSeq: review.seq,
          recipients: [review.ownerRef],
          scope: `itsm:review:${id}:${notice}:${cycle}`,
          payload: {
            title:
              notice === 'due'
                ? `Service review ${id} is due on ${day}`
                : `Service review ${id} is overdue (due ${day})`,
            description: `${review.title}: prepare the pack, hold the review with the customer and record the minutes.`,
            link: `/itsm/reviews/${id}`,
            severity: notice === 'due' ? 'normal' : 'high',
            topic: `itsm-review-${notice}`,
          },
          comment:
            notice === 'due'
              ? `Review due on ${day}: ${review.ownerRef} notified`
              : `Review overdue since ${day}: ${review.ownerRef} notified`,
          now,
        });
      }
      if (reviews.length < PAGE) return sent;
      afterSeq = reviews[reviews.length - 1].seq;
    }
  }

  async #actionNotices(now: Date): Promise<number> {
    let sent = 0;
    let afterSeq = 0;
    for (;;) {
      const actions = await this.#store.listOpenActions({
        afterSeq,
        limit: PAGE,
      });
      for (const action of actions) {
        const notice = reviewActionNotice(action, now);
        if (!notice) continue;
        const id = reviewActionId(
          reviewRecordType.id(action.reviewSeq),
          action.number,
        );
        sent += await this.#notify({
          key: {
            recordType: REVIEW_ACTION_LEDGER_TYPE,
            recordSeq: action.seq,
            clock: 'action',
            purpose: notice,
            cycle: action.dueDate!,
          },
          reviewSeq: action.reviewSeq,
          recipients: [action.owner],
          scope: `itsm:review-action:${id}:${notice}:${action.dueDate}`,
          payload: {
            title:
              notice === 'due_soon'
                ? `Review action ${id} is due on ${action.dueDate}`
                : `Review action ${id} is overdue (due ${action.dueDate})`,
            description: `${action.title} (${action.entityRef})`,
            link: `/itsm/reviews/${reviewRecordType.id(action.reviewSeq)}`,
            severity: notice === 'due_soon' ? 'normal' : 'high',
            topic: `itsm-review-action-${notice.replace('_', '-')}`,
          },
          comment: `Action ${id} ${
            notice === 'due_soon' ? 'due soon' : 'overdue'
          }: ${action.owner} reminded`,
          now,
        });
      }
      if (actions.length < PAGE) return sent;
      afterSeq = actions[actions.length - 1].seq;
    }
  }

  /** Records a notice once (ledger + history event) and sends it; 1 when this run recorded it. */
  async #notify(options: {
    key: Parameters<KnexReviewStore['recordNotice']>[0]['key'];
    reviewSeq: number;
    recipients: string[];
    scope: string;
    payload: Omit<NotificationPayload, 'scope'>;
    comment: string;
    now: Date;
  }): Promise<number> {
    const payload: NotificationPayload = {
      ...options.payload,
      scope: options.scope,
    };
    const ledgerId = await this.#store.recordNotice({
      key: options.key,
      reviewSeq: options.reviewSeq,
      scope: options.scope,
      recipients: options.recipients,
      payload,
      event: {
        at: options.now,
        actor: PLUGIN_SUBJECT,
        action: 'notified',
        changes: {},
        comment: options.comment,
      },
      now: options.now,
    });
    if (ledgerId === undefined) return 0;
    try {
      await this.#notifications?.send({
        recipients: { type: 'entity', entityRef: options.recipients },
        payload,
      });
      await this.#store.markNotified(ledgerId, options.now);
    } catch (error) {
      // Left unsent in the ledger: the ledger delivery sends it again under the same scope.
      this.#logger.warn(
        `Could not notify ${options.scope}; will retry: ${error}`,
      );
    }
    return 1;
  }
}
