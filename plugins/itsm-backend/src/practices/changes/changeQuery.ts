import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { TABLES } from '../../records/tables';
import type { ChangePermissionFilter } from './changePermissionResource';

/**
 * Adds the criteria of a conditional permission decision to a query on
 * `itsm_changes` as a WHERE clause. The owners of a change's entities are
 * stored beside it, so no catalog call is needed.
 */
export function whereChangePermitted(
  db: Knex,
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<ChangePermissionFilter>,
): Knex.QueryBuilder {
  if (isAndCriteria(criteria)) {
    return query.where(inner => {
      for (const c of criteria.allOf) {
        inner.andWhere(sub => {
          whereChangePermitted(db, sub, c);
        });
      }
    });
  }
  if (isOrCriteria(criteria)) {
    return query.where(inner => {
      for (const c of criteria.anyOf) {
        inner.orWhere(sub => {
          whereChangePermitted(db, sub, c);
        });
      }
    });
  }
  if (isNotCriteria(criteria)) {
    return query.whereNot(inner => {
      whereChangePermitted(db, inner, criteria.not);
    });
  }
  const { property, values } = criteria;
  if (property === 'requester') {
    return query.whereIn(`${TABLES.changes}.requester`, values);
  }
  return query.whereIn(
    `${TABLES.changes}.seq`,
    db(TABLES.changeEntities).select('change_seq').whereIn('owner_ref', values),
  );
}
