import {
  PermissionRule,
  PermissionRuleset,
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';

/** How one filter (a rule's `toQuery` result) narrows a query, as a WHERE clause. */
export type FilterToSql<TFilter> = (
  db: Knex,
  query: Knex.QueryBuilder,
  filter: TFilter,
) => Knex.QueryBuilder;

/** Adds the criteria of a conditional permission decision to a query. */
export type ConditionQuery<TFilter> = (
  db: Knex,
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<TFilter>,
) => Knex.QueryBuilder;

/**
 * Builds the walker that turns permission criteria (all-of, any-of, not, and filters) into a
 * WHERE clause. Each record type says only how one of its filters becomes SQL; records keep the
 * owners of their entities beside them, so no catalog call is needed.
 */
export function createConditionQuery<TFilter>(
  filterToSql: FilterToSql<TFilter>,
): ConditionQuery<TFilter> {
  const walk: ConditionQuery<TFilter> = (db, query, criteria) => {
    if (isAndCriteria(criteria)) {
      return query.where(inner => {
        for (const c of criteria.allOf) {
          inner.andWhere(sub => {
            walk(db, sub, c);
          });
        }
      });
    }
    if (isOrCriteria(criteria)) {
      return query.where(inner => {
        for (const c of criteria.anyOf) {
          inner.orWhere(sub => {
            walk(db, sub, c);
          });
        }
      });
    }
    if (isNotCriteria(criteria)) {
      return query.whereNot(inner => {
        walk(db, inner, criteria.not);
      });
    }
    return filterToSql(db, query, criteria as TFilter);
  };
  return walk;
}

/** The built-in rules of a resource type as a ruleset, for services built without the registry. */
export function rulesetOf<TResource, TFilter>(
  resourceType: string,
  rules: Array<PermissionRule<TResource, TFilter, string, any>>,
): PermissionRuleset<TResource, TFilter, string> {
  return {
    getRuleByName(name) {
      const rule = rules.find(r => r.name === name);
      if (!rule) {
        throw new Error(
          `Unknown permission rule '${name}' for ${resourceType}`,
        );
      }
      return rule as PermissionRule<TResource, TFilter, string>;
    },
  };
}
