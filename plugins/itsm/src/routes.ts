import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the service-management entity content is mounted (legacy frontend system). */
export const rootRouteRef = createRouteRef({ id: 'itsm' });
