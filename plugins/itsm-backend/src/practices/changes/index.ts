import type { ItsmPractice } from '../practice';
import {
  CHANGE_STATUSES,
  FINAL_CHANGE_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import { CHANGE_TABLES } from './changeRecordTypes';
import { createChangeApprovalsRouter } from './changeApprovalRoutes';
import { createChangeCalendarRouter } from './changeCalendarRoutes';
import { createChangesRouter } from './changeRoutes';
import { createChangeTemplatesRouter } from './changeTemplateRoutes';

/** Change enablement with the CAB, standard change templates and the change calendar. */
export const changesPractice: ItsmPractice = {
  name: 'changes',
  routers: context => [
    createChangesRouter(context),
    createChangeApprovalsRouter(context),
    createChangeCalendarRouter(context),
    createChangeTemplatesRouter(context),
  ],
  linkables: ({ changes }) => [changes.linkable()],
  ownedEntities: [
    {
      name: 'change',
      table: CHANGE_TABLES.changeEntities,
      seqColumn: 'change_seq',
      records: CHANGE_TABLES.changes,
      openStatuses: CHANGE_STATUSES.filter(
        status => !FINAL_CHANGE_STATUSES.includes(status),
      ),
    },
  ],
  isEmpty: async (services, ctx) =>
    (await services.changes.list({ limit: 1, order: 'desc' }, ctx)).items
      .length === 0,
};
