/**
 * Service tier of a catalog entity, `1` (business critical) to `4`.
 *
 * @public
 */
export const ITSM_TIER_ANNOTATION = 'itsm/tier';

/**
 * Id of the service calendar (`itsm.calendars` in app-config) whose hours the service is supported in.
 *
 * @public
 */
export const ITSM_SERVICE_HOURS_ANNOTATION = 'itsm/service-hours';

/**
 * Group ref of the support group that incidents on the entity are assigned to by default.
 *
 * @public
 */
export const ITSM_ASSIGNMENT_GROUP_ANNOTATION = 'itsm/assignment-group';

/** @public */
export type ServiceTier = 1 | 2 | 3 | 4;

/**
 * Reads the `itsm/tier` annotation; `undefined` when it is absent or not one of 1–4.
 *
 * @public
 */
export function readServiceTier(entity: {
  metadata: { annotations?: Record<string, string> };
}): ServiceTier | undefined {
  const raw = entity.metadata.annotations?.[ITSM_TIER_ANNOTATION];
  const tier = Number(raw);
  return tier === 1 || tier === 2 || tier === 3 || tier === 4
    ? tier
    : undefined;
}
