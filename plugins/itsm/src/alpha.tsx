import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { ItsmClient, itsmApiRef } from './api';
import { incidentRouteRef, queueRouteRef, rootRouteRef } from './routes';

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
});

// One page with its own routes (`queue`, `incidents/:id`): an incident is not a tab, so
// the page renders them itself rather than through sub-pages. Its title and icon make the
// sidebar item.
const itsmPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    routeRef: rootRouteRef,
    title: 'Incidents',
    icon: <ReportProblemOutlined fontSize="inherit" />,
    loader: () => import('./components/ItsmPage').then(m => <m.ItsmPage />),
  },
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
 * The ITSM frontend plugin for the new frontend system: the ITSM page at `/itsm` (my queue
 * and incident pages, with a sidebar item), the "Service management" entity tab and the
 * "Service health" entity card.
 *
 * @alpha
 */
const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  title: 'Service management',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    incident: incidentRouteRef,
    queue: queueRouteRef,
  },
  extensions: [itsmApi, itsmPage, serviceManagementContent, serviceHealthCard],
});

export default itsmPlugin;
