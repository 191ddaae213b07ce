import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The ITSM page, mounted at `/itsm`: the new frontend system mounts it itself; a legacy
 * app mounts `ItsmPage` there.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'itsm' });

/**
 * One incident, `/itsm/incidents/:id`.
 *
 * @public
 */
export const incidentRouteRef = createSubRouteRef({
  id: 'itsm/incident',
  parent: rootRouteRef,
  path: '/incidents/:id',
});

/**
 * The incidents assigned to the signed-in user or their groups, `/itsm/queue`.
 *
 * @public
 */
export const queueRouteRef = createSubRouteRef({
  id: 'itsm/queue',
  parent: rootRouteRef,
  path: '/queue',
});

/** Where the legacy "Service management" entity tab is mounted. */
export const entityContentRouteRef = createRouteRef({
  id: 'itsm/entity-content',
});
