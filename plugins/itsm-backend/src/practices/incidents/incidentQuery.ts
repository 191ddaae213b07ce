import { createConditionQuery } from '../../records/permissionQuery';
import { RECORD_TABLES } from '../../records/tables';
import type { IncidentPermissionFilter } from './incidentPermissionResource';
import { INCIDENT_RECORD_TYPE, incidentRecordType } from './incidentRecordType';

const INCIDENTS = incidentRecordType.table;

/**
 * Adds the criteria of a conditional permission decision to a query on `itsm_incidents` as a
 * WHERE clause.
 */
export const whereIncidentPermitted =
  createConditionQuery<IncidentPermissionFilter>((db, query, filter) => {
    if (filter.property === 'serviceOwnerRef') {
      return query.whereIn(
        `${INCIDENTS}.seq`,
        db(RECORD_TABLES.entities)
          .select('record_seq')
          .where({ record_type: INCIDENT_RECORD_TYPE, is_primary: true })
          .whereIn('owner_ref', filter.values),
      );
    }
    return query.where(inner =>
      inner
        .whereIn(`${INCIDENTS}.assignee`, filter.values)
        .orWhereIn(`${INCIDENTS}.assignment_group`, filter.values),
    );
  });
