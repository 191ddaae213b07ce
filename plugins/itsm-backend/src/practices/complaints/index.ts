import { PermissionsService } from '@backstage/backend-plugin-api';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { RecordNotifier } from '../../records/notifier';
import { RECORD_TABLES } from '../../records/tables';
import type { ItsmPractice } from '../practice';
import { ComplaintAccess } from './ComplaintAccess';
import { ComplaintEscalationJob } from './ComplaintEscalationJob';
import { ComplaintService } from './ComplaintService';
import { KnexComplaintStore } from './KnexComplaintStore';
import { registerComplaintPermissions } from './complaintPermissions';
import { complaintRecordType } from './complaintRecordType';
import { createComplaintsRouter } from './complaintRoutes';

declare module '../../services' {
  interface ItsmServices {
    /**
     * Complaints against services: raise, investigate, answer and close them, and the
     * complaints of a service in a period (`summary`, for reports and review packs).
     */
    complaints: ComplaintService;
    /** The escalation of complaints not resolved in time (scheduled, and on demand). */
    complaintEscalation: ComplaintEscalationJob;
    /** Quiet copies for imports: no signals or notifications, the given permissions and clock. */
    complaintImports(overrides: ServiceOverrides): {
      complaints: ComplaintService;
    };
  }
}

/** The escalation runs this often; a complaint is escalated within this much of its due time. */
const ESCALATION_FREQUENCY_MINUTES = 30;

/** Statuses in which a complaint's service owner is kept current (not closed). */
const UNCLOSED_COMPLAINT_STATUSES = ['open', 'investigating', 'resolved'];

/** Complaints against a service, managed to closure (DESIGN §3 "Complaints"). */
export const complaintsPractice: ItsmPractice = {
  name: 'complaints',
  services: async deps => {
    const store = await KnexComplaintStore.create(deps);
    const ruleset = registerComplaintPermissions(
      deps.permissionsRegistry,
      seq => store.getComplaint(seq),
    );
    const catalog = new ItsmCatalog(deps);
    const build = (options: {
      permissions: PermissionsService;
      notifier: RecordNotifier;
      now?: () => Date;
    }) =>
      new ComplaintService({
        store,
        access: new ComplaintAccess({
          permissions: options.permissions,
          ruleset,
        }),
        catalog,
        notifier: options.notifier,
        now: options.now,
      });
    const complaints = build({
      permissions: deps.permissions,
      notifier: new RecordNotifier(deps),
    });
    return {
      complaints,
      complaintEscalation: new ComplaintEscalationJob({
        store,
        complaints,
        notifications: deps.notifications,
        config: deps.config.complaints,
        logger: deps.logger,
      }),
      complaintImports: overrides => ({
        complaints: build({
          ...overrides,
          notifier: new RecordNotifier({ logger: deps.logger }),
        }),
      }),
    };
  },
  routers: context => [
    createComplaintsRouter({
      complaints: context.complaints,
      httpAuth: context.httpAuth,
      auditor: context.auditor,
    }),
  ],
  linkables: services => [services.complaints.linkable()],
  ownedEntities: [
    {
      name: 'complaint',
      table: RECORD_TABLES.entities,
      seqColumn: 'record_seq',
      recordType: complaintRecordType.recordType,
      records: complaintRecordType.table,
      openStatuses: UNCLOSED_COMPLAINT_STATUSES,
    },
  ],
  isEmpty: services => services.complaints.isEmpty(),
  jobs: async (services, { scheduler, logger }) => {
    await scheduler.scheduleTask({
      id: 'itsm-complaint-escalation',
      frequency: { minutes: ESCALATION_FREQUENCY_MINUTES },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
      // One replica runs each invocation; the ledger's unique key makes a rerun harmless.
      scope: 'global',
      fn: async () => {
        const { escalated } = await services.complaintEscalation.run();
        if (escalated.length) {
          logger.info(`Escalated complaints ${escalated.join(', ')}`);
        }
      },
    });
  },
};
