import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ItsmClient, itsmApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The ITSM frontend plugin for the legacy frontend system.
 *
 * @public
 */
export const itsmPlugin = createPlugin({
  id: 'itsm',
  apis: [
    createApiFactory({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The "Service management" entity tab: service health and the entity's incidents.
 *
 * @public
 */
export const EntityServiceManagementContent = itsmPlugin.provide(
  createRoutableExtension({
    name: 'EntityServiceManagementContent',
    component: () =>
      import('./components/ServiceManagementContent').then(
        m => m.ServiceManagementContent,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Service health" card for an entity overview page.
 *
 * @public
 */
export const EntityServiceHealthCard = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceHealthCard',
    component: {
      lazy: () =>
        import('./components/ServiceHealthCard').then(m => m.ServiceHealthCard),
    },
  }),
);
