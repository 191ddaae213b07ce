import type { RequestContext } from '../../records/context';
import { linkableRecordType } from '../../records/links';
import type { ItsmPractice } from '../practice';
import {
  breachTable,
  slaTable,
  supportingAgreementTable,
} from './serviceLevelRecordTypes';
import { createBreachesRouter } from './breachRoutes';
import { createCalendarsRouter } from './calendarRoutes';
import { createReportsRouter } from './reportRoutes';
import { createSlasRouter } from './slaRoutes';
import { createSupportingAgreementsRouter } from './supportingAgreementRoutes';

/** Service level management: calendars, SLAs, OLAs and UCs, the breach register, reports. */
export const serviceLevelsPractice: ItsmPractice = {
  name: 'service-levels',
  routers: context => [
    createCalendarsRouter(context),
    createSlasRouter(context),
    createSupportingAgreementsRouter(context),
    createBreachesRouter(context),
    createReportsRouter(context),
  ],
  linkables: ({ slas, supportingAgreements, breaches }) => {
    const requireWrite = (_id: string, ctx: RequestContext) =>
      slas.access.requireManage(ctx.credentials);
    return [
      linkableRecordType({
        table: slaTable,
        read: (id, ctx) => slas.get(id, ctx),
        requireWrite,
      }),
      linkableRecordType({
        table: supportingAgreementTable,
        read: (id, ctx) => supportingAgreements.get(id, ctx),
        requireWrite,
      }),
      linkableRecordType({
        table: breachTable,
        read: (id, ctx) => breaches.get(id, ctx),
        requireWrite,
      }),
    ];
  },
};
