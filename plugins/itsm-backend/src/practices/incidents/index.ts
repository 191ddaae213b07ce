import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { RECORD_TABLES } from '../../records/tables';
import type { ItsmPractice } from '../practice';
import { INCIDENT_RECORD_TYPE, incidentRecordType } from './incidentRecordType';
import { createImpactRouter } from './impactRoutes';
import { createIncidentsRouter } from './incidentRoutes';
import { createServiceHealthRouter } from './serviceHealthRoutes';

/** Incident management, service health and impact analysis. */
export const incidentsPractice: ItsmPractice = {
  name: 'incidents',
  routers: context => [
    createIncidentsRouter(context),
    createServiceHealthRouter(context),
    createImpactRouter(context),
  ],
  linkables: services => [services.incidents.linkable()],
  ownedEntities: [
    {
      name: 'incident',
      table: RECORD_TABLES.entities,
      seqColumn: 'record_seq',
      recordType: INCIDENT_RECORD_TYPE,
      records: incidentRecordType.table,
      openStatuses: OPEN_INCIDENT_STATUSES,
    },
  ],
  isEmpty: async (services, ctx) =>
    (await services.incidents.list({ limit: 1, order: 'desc' }, ctx)).items
      .length === 0,
};
