import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { INCIDENT_RECORD_TYPE, TABLES } from '../../records/tables';
import type { IncidentPermissionFilter } from './incidentPermissionResource';

/**
 * Adds the criteria of a conditional permission decision to a query on
 * `itsm_incidents` as a WHERE clause. The owner refs of a record's entities
 * are stored beside it, so no catalog call is needed.
 */
export function whereIncidentPermitted(
  db: Knex,
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<IncidentPermissionFilter>,
): Knex.QueryBuilder {
  if (isAndCriteria(criteria)) {
    return query.where(inner => {
      for (const c of criteria.allOf) {
        inner.andWhere(sub => {
          whereIncidentPermitted(db, sub, c);
        });
      }
    });
  }
  if (isOrCriteria(criteria)) {
    return query.where(inner => {
      for (const c of criteria.anyOf) {
        inner.orWhere(sub => {
          whereIncidentPermitted(db, sub, c);
        });
      }
    });
  }
  if (isNotCriteria(criteria)) {
    return query.whereNot(inner => {
      whereIncidentPermitted(db, inner, criteria.not);
    });
  }
  const { property, values } = criteria;
  if (property === 'serviceOwnerRef') {
    return query.whereIn(
      `${TABLES.incidents}.seq`,
      db(TABLES.entities)
        .select('record_seq')
        .where({ record_type: INCIDENT_RECORD_TYPE, is_primary: true })
        .whereIn('owner_ref', values),
    );
  }
  return query.where(inner =>
    inner
      .whereIn(`${TABLES.incidents}.assignee`, values)
      .orWhereIn(`${TABLES.incidents}.assignment_group`, values),
  );
}
