import { createConditionQuery } from '../../records/permissionQuery';
import type { ChangePermissionFilter } from './changePermissionResource';
import { CHANGE_TABLES } from './changeRecordTypes';

/**
 * Adds the criteria of a conditional permission decision to a query on `itsm_changes` as a
 * WHERE clause.
 */
export const whereChangePermitted =
  createConditionQuery<ChangePermissionFilter>((db, query, filter) => {
    if (filter.property === 'requester') {
      return query.whereIn(`${CHANGE_TABLES.changes}.requester`, filter.values);
    }
    return query.whereIn(
      `${CHANGE_TABLES.changes}.seq`,
      db(CHANGE_TABLES.changeEntities)
        .select('change_seq')
        .whereIn('owner_ref', filter.values),
    );
  });
