import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  PermissionRuleset,
  createPermissionResourceRef,
} from '@backstage/plugin-permission-node';
import {
  ITSM_PROBLEM_RESOURCE_TYPE,
  problemReadPermission,
  problemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { createConditionQuery } from '../../records/permissionQuery';
import { createClaimsRule } from '../../records/rules';
import { RECORD_TABLES } from '../../records/tables';
import type { ProblemRecord } from './ProblemStore';
import { problemRecordType } from './problemRecordTypes';

/**
 * What a permission rule on problems becomes in a query: the owners of its services, or its
 * owner and assignment group.
 *
 * @public
 */
export type ProblemPermissionFilter =
  | { property: 'serviceOwnerRef'; values: string[] }
  | { property: 'problemOwner'; values: string[] };

/**
 * The `itsm-problem` resource type.
 *
 * @public
 */
export const problemPermissionResourceRef = createPermissionResourceRef<
  ProblemRecord,
  ProblemPermissionFilter
>().with({ pluginId: 'itsm', resourceType: ITSM_PROBLEM_RESOURCE_TYPE });

/** Problems on a service owned by one of the claims (any of the problem's entities). */
export const isProblemServiceOwner = createClaimsRule({
  name: 'IS_SERVICE_OWNER',
  description:
    'Allow problems on services owned by one of the given entity refs',
  resourceRef: problemPermissionResourceRef,
  property: 'serviceOwnerRef',
  refsOf: problem => problem.entityOwnerRefs,
});

/** Problems owned by one of the claims, as owner or assignment group. */
export const isProblemOwner = createClaimsRule({
  name: 'IS_PROBLEM_OWNER',
  description:
    'Allow problems owned by one of the given entity refs, as owner or assignment group',
  resourceRef: problemPermissionResourceRef,
  property: 'problemOwner',
  refsOf: problem => [problem.owner, problem.assignmentGroup],
});

/** The permission rules of the `itsm-problem` resource type. */
export const problemPermissionRules = { isProblemServiceOwner, isProblemOwner };

const PROBLEMS = problemRecordType.table;

/** The criteria of a conditional decision on problems as a WHERE clause on `itsm_problems`. */
export const whereProblemPermitted =
  createConditionQuery<ProblemPermissionFilter>((db, query, filter) => {
    if (filter.property === 'serviceOwnerRef') {
      return query.whereIn(
        `${PROBLEMS}.seq`,
        db(RECORD_TABLES.entities)
          .select('record_seq')
          .where({ record_type: problemRecordType.recordType })
          .whereIn('owner_ref', filter.values),
      );
    }
    return query.where(inner =>
      inner
        .whereIn(`${PROBLEMS}.owner`, filter.values)
        .orWhereIn(`${PROBLEMS}.assignment_group`, filter.values),
    );
  });

/**
 * Registers the `itsm-problem` resource type with its rules (the permissions themselves are
 * registered with the incidents'); returns the ruleset, which includes rules other modules add.
 */
export function registerProblemPermissions(
  registry: PermissionsRegistryService,
  getProblem: (seq: number) => Promise<ProblemRecord | undefined>,
): PermissionRuleset<ProblemRecord, ProblemPermissionFilter, string> {
  registry.addResourceType({
    resourceRef: problemPermissionResourceRef,
    permissions: [problemReadPermission, problemUpdatePermission],
    rules: Object.values(problemPermissionRules),
    getResources: refs =>
      Promise.all(
        refs.map(ref => {
          const seq = problemRecordType.parse(ref);
          return seq === undefined ? undefined : getProblem(seq);
        }),
      ),
  });
  return registry.getPermissionRuleset(problemPermissionResourceRef);
}
