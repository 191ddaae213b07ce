import { linkableRecordType } from '../../records/links';
import type { ItsmPractice } from '../practice';
import { changeTable } from './changeRecordTypes';
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
  linkables: ({ changes }) => [
    linkableRecordType({
      table: changeTable,
      read: (id, ctx) => changes.readable(id, ctx),
      requireWrite: async (id, ctx) =>
        changes.access.requireUpdate(
          await changes.readable(id, ctx),
          ctx.credentials,
        ),
    }),
  ],
  isEmpty: async (services, ctx) =>
    (await services.changes.list({ limit: 1, order: 'desc' }, ctx)).items
      .length === 0,
};
