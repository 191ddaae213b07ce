import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/**
 * All complaints, `/itsm/complaints`: its own page in the new frontend system, which also
 * serves `complaints/:id`; a legacy app reaches it through `ItsmPage`.
 *
 * @public
 */
export const complaintsRouteRef = createRouteRef({ id: 'itsm/complaints' });

/**
 * One complaint, `/itsm/complaints/:id`: a sub-route of the ITSM page, so it resolves in a
 * legacy app too; in the new frontend system the Complaints page serves it.
 *
 * @public
 */
export const complaintRouteRef = createSubRouteRef({
  id: 'itsm/complaint',
  parent: rootRouteRef,
  path: '/complaints/:id',
});
