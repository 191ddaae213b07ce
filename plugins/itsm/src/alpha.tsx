import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ItsmClient, itsmApiRef } from './api';

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
});

// Configuration items by default (DESIGN §3, CMDB): the tab is offered on all of them.
const serviceManagementContent = EntityContentBlueprint.make({
  name: 'service-management',
  params: {
    path: '/itsm',
    title: 'Service management',
    group: 'operation',
    filter: { kind: { $in: ['component', 'resource', 'system', 'api'] } },
    loader: () =>
      import('./components/ServiceManagementContent').then(m => (
        <m.ServiceManagementContent />
      )),
  },
});

const serviceHealthCard = EntityCardBlueprint.make({
  name: 'service-health',
  params: {
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () =>
      import('./components/ServiceHealthCard').then(m => (
        <m.ServiceHealthCard />
      )),
  },
});

/**
 * The ITSM frontend plugin for the new frontend system: the "Service management"
 * entity tab and the "Service health" entity card.
 *
 * @alpha
 */
const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  title: 'Service management',
  info: { packageJson: () => import('../package.json') },
  extensions: [itsmApi, serviceManagementContent, serviceHealthCard],
});

export default itsmPlugin;
