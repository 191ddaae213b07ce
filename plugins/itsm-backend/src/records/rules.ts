import {
  PermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';

/** The parameters of every claims rule: the entity refs to match. */
export const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      "Entity refs to match, usually the user's ownership refs (user.identity.ownershipEntityRefs)",
    ),
});

/** Lowercase canonical refs, as records store them. */
export const lowerRefs = (refs: string[]) =>
  refs.map(r => r.toLocaleLowerCase('en-US'));

/**
 * A permission rule that matches a record when one of the caller's claims (usually their
 * ownership refs) is among the refs `refsOf` reads from it, and becomes the query filter
 * `{ property, values }` for lists. Every ITSM rule has this shape: service owner, assignee,
 * requester, entity owner.
 */
export function createClaimsRule<
  TResource,
  TQuery extends { property: string; values: string[] },
  TResourceType extends string,
>(options: {
  name: string;
  description: string;
  resourceRef: PermissionResourceRef<TResource, TQuery, TResourceType>;
  property: TQuery['property'];
  /** The lowercase refs of the record the claims are compared with. */
  refsOf: (record: TResource) => Array<string | null>;
}) {
  return createPermissionRule({
    name: options.name,
    description: options.description,
    resourceRef: options.resourceRef,
    paramsSchema: claimsSchema,
    apply: (record: TResource, { claims }: { claims: string[] }) => {
      const wanted = new Set(lowerRefs(claims));
      return options
        .refsOf(record)
        .some(ref => ref !== null && wanted.has(ref));
    },
    toQuery: ({ claims }: { claims: string[] }) =>
      ({ property: options.property, values: lowerRefs(claims) } as TQuery),
  });
}
