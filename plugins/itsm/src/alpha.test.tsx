import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { coreApis, coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { itsmApiRef } from './api';
import itsmPlugin from './alpha';
import {
  approvalsRouteRef,
  changeCalendarRouteRef,
  changesRouteRef,
  rootRouteRef,
} from './routes';
import {
  makeChange,
  makeHealth,
  makeIncident,
  mockItsmApi,
  mockSignalApi,
  paymentsApi,
} from './__testUtils__/fixtures';

type EntityFilter = (entity: Entity) => boolean;

function entityOfKind(kind: string): Entity {
  return { ...paymentsApi, kind };
}

describe('itsm plugin (new frontend system)', () => {
  it('provides the API, the entity content and the entity card', () => {
    expect(itsmPlugin.pluginId).toBe('itsm');
    for (const id of [
      'api:itsm',
      'page:itsm',
      'page:itsm/changes',
      'page:itsm/approvals',
      'page:itsm/change-calendar',
      'entity-content:itsm/service-management',
      'entity-content:itsm/changes',
      'entity-content:itsm/sla',
      'page:itsm/improvements',
      'entity-content:itsm/improvements',
      'entity-card:itsm/service-health',
    ] as const) {
      expect(() => itsmPlugin.getExtension(id)).not.toThrow();
    }
  });

  it('offers the service health card on components, resources and systems', () => {
    const tester = createExtensionTester(
      itsmPlugin.getExtension('entity-card:itsm/service-health'),
    );
    // The plugin's extension map is typed loosely (see alpha.tsx), so name the type here.
    const filter = tester.get(
      EntityCardBlueprint.dataRefs.filterFunction,
    ) as EntityFilter;

    expect(filter).toBeDefined();
    expect(filter(entityOfKind('Component'))).toBe(true);
    expect(filter(entityOfKind('Resource'))).toBe(true);
    expect(filter(entityOfKind('System'))).toBe(true);
    expect(filter(entityOfKind('User'))).toBe(false);
    expect(filter(entityOfKind('Group'))).toBe(false);
  });

  it('renders the service health card of the entity', async () => {
    const api = mockItsmApi({
      getServiceHealth: jest.fn(async () =>
        makeHealth({ status: 'major_outage' }),
      ),
    });
    const tester = createExtensionTester(
      itsmPlugin.getExtension('entity-card:itsm/service-health'),
    );

    renderInTestApp(
      <EntityProvider entity={paymentsApi}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [[itsmApiRef, api]] },
    );

    expect(await screen.findByText('Major outage')).toBeInTheDocument();
  });

  it('mounts the service management tab at /itsm for configuration items', () => {
    const tester = createExtensionTester(
      itsmPlugin.getExtension('entity-content:itsm/service-management'),
    );

    expect(tester.get(coreExtensionData.routePath)).toBe('/itsm');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Service management',
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.group)).toBeUndefined();
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as EntityFilter;
    for (const kind of ['Component', 'Resource', 'System', 'API']) {
      expect(filter(entityOfKind(kind))).toBe(true);
    }
    expect(filter(entityOfKind('Group'))).toBe(false);
  });
});

describe('SLA (new frontend system)', () => {
  it('mounts the SLA tab at /sla for components and systems', () => {
    const tester = createExtensionTester(
      itsmPlugin.getExtension('entity-content:itsm/sla'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/sla');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('SLA');
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as EntityFilter;
    expect(filter(entityOfKind('Component'))).toBe(true);
    expect(filter(entityOfKind('System'))).toBe(true);
    expect(filter(entityOfKind('User'))).toBe(false);
  });
});

describe('changes (new frontend system)', () => {
  it('mounts the Changes tab at /changes for configuration items', () => {
    const tester = createExtensionTester(
      itsmPlugin.getExtension('entity-content:itsm/changes'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/changes');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Changes');
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as EntityFilter;
    for (const kind of ['Component', 'Resource', 'System', 'API']) {
      expect(filter(entityOfKind(kind))).toBe(true);
    }
    expect(filter(entityOfKind('User'))).toBe(false);
  });

  it('renders the entity changes in the tab', async () => {
    const api = mockItsmApi({
      listChanges: jest.fn(async () => ({
        items: [makeChange({ id: 'CHG-4', title: 'Upgrade Postgres' })],
        nextCursor: null,
      })),
      getChangeStats: jest.fn(async () => ({
        entityRef: 'component:default/payments-api',
        total: 0,
        failed: 0,
        causedIncidents: 0,
        failureRate: 0,
      })),
    });
    const tester = createExtensionTester(
      itsmPlugin.getExtension('entity-content:itsm/changes'),
    );
    renderInTestApp(
      <EntityProvider entity={paymentsApi}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [itsmApiRef, api],
          [signalApiRef, mockSignalApi()],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      (await screen.findAllByText('Upgrade Postgres')).length,
    ).toBeGreaterThan(0);
  });

  it('gives Approvals and the Change calendar pages of their own, titled for the sidebar', () => {
    const approvals = createExtensionTester(
      itsmPlugin.getExtension('page:itsm/approvals'),
    );
    expect(approvals.get(coreExtensionData.routePath)).toBe('/itsm/approvals');
    expect(approvals.get(coreExtensionData.routeRef)).toBe(approvalsRouteRef);
    expect(approvals.get(coreExtensionData.title)).toBe('Approvals');
    expect(approvals.get(coreExtensionData.icon)).toBeDefined();

    const calendar = createExtensionTester(
      itsmPlugin.getExtension('page:itsm/change-calendar'),
    );
    expect(calendar.get(coreExtensionData.routePath)).toBe(
      '/itsm/change-calendar',
    );
    expect(calendar.get(coreExtensionData.routeRef)).toBe(
      changeCalendarRouteRef,
    );
    expect(calendar.get(coreExtensionData.title)).toBe('Change calendar');
  });
});

describe('page:itsm (new frontend system)', () => {
  function api() {
    return mockItsmApi({
      listIncidents: jest.fn(async () => ({
        items: [makeIncident({ id: 'INC-7', title: 'Mine to fix' })],
        nextCursor: null,
      })),
      getIncident: jest.fn(async () =>
        makeIncident({ id: 'INC-7', title: 'Checkout fails' }),
      ),
      getIncidentHistory: jest.fn(async () => ({
        items: [],
        nextCursor: null,
      })),
      getApprovalQueue: jest.fn(async () => ({
        items: [makeChange({ id: 'CHG-5', status: 'authorization' })],
      })),
      getChange: jest.fn(async () =>
        makeChange({ id: 'CHG-3', title: 'Rotate certificates' }),
      ),
      getChangeHistory: jest.fn(async () => ({
        items: [],
        nextCursor: null,
      })),
      listChanges: jest.fn(async () => ({
        items: [makeChange({ id: 'CHG-3', title: 'Rotate certificates' })],
        nextCursor: null,
      })),
      listChangeTemplates: jest.fn(async () => ({
        items: [],
        nextCursor: null,
      })),
      getChangeCalendar: jest.fn(async ({ from, to }) => ({
        from,
        to,
        changes: [],
        freezeWindows: [],
      })),
      getImpact: jest.fn(async () => ({
        entityRef: 'component:default/payments-api',
        direction: 'downstream' as const,
        depth: 3,
        items: [],
      })),
    });
  }

  const apis = (itsmApi: ReturnType<typeof api>) =>
    [
      [itsmApiRef, itsmApi],
      [signalApiRef, mockSignalApi()],
    ] as const;

  it('is mounted at /itsm with its route ref, and titled for the sidebar', () => {
    const tester = createExtensionTester(itsmPlugin.getExtension('page:itsm'));
    expect(tester.get(coreExtensionData.routePath)).toBe('/itsm');
    expect(tester.get(coreExtensionData.routeRef)).toBe(rootRouteRef);
    expect(tester.get(coreExtensionData.title)).toBe('Incidents');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('renders an incident at /itsm/incidents/:id', async () => {
    const itsmApi = api();
    const tester = createExtensionTester(itsmPlugin.getExtension('page:itsm'));
    renderInTestApp(tester.reactElement(), {
      apis: apis(itsmApi),
      mountPath: '/itsm',
      mountedRoutes: {
        '/itsm': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      initialRouteEntries: ['/itsm/incidents/INC-7'],
    });

    expect(
      await screen.findByRole('heading', { name: 'Checkout fails' }),
    ).toBeInTheDocument();
    expect(itsmApi.getIncident).toHaveBeenCalledWith({ id: 'INC-7' });
  });

  it('adds "Incidents" to the sidebar, opens my queue and links its incidents', async () => {
    const itsmApi = api();
    const app = renderTestApp({
      features: [itsmPlugin],
      apis: apis(itsmApi),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/itsm'],
    });

    const link = await screen.findByRole('link', { name: 'INC-7' });
    expect(link).toHaveAttribute('href', '/itsm/incidents/INC-7');
    expect(itsmApi.listIncidents).toHaveBeenCalledWith(
      expect.objectContaining({ queue: 'mine' }),
    );
    expect(
      screen
        .getAllByRole('link', { name: 'Incidents' })
        .map(a => a.getAttribute('href')),
    ).toContain('/itsm');

    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', { name: 'Checkout fails' }),
    ).toBeInTheDocument();
    expect(
      app.apis.get(coreApis.appHistory)?.getSnapshot().location.pathname,
    ).toBe('/itsm/incidents/INC-7');
  });

  it('adds "Approvals" and "Change calendar" to the sidebar and opens them', async () => {
    const itsmApi = api();
    renderTestApp({
      features: [itsmPlugin],
      apis: apis(itsmApi),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/itsm/approvals'],
    });

    expect(await screen.findByRole('link', { name: 'CHG-5' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-5',
    );
    expect(itsmApi.getApprovalQueue).toHaveBeenCalled();
    const hrefs = (name: string) =>
      screen.getAllByRole('link', { name }).map(a => a.getAttribute('href'));
    expect(hrefs('Approvals')).toContain('/itsm/approvals');
    expect(hrefs('Change calendar')).toContain('/itsm/change-calendar');
    expect(hrefs('Incidents')).toContain('/itsm');

    await userEvent.click(
      screen.getAllByRole('link', { name: 'Change calendar' })[0],
    );
    expect(
      await screen.findByRole('grid', { name: 'Change calendar' }),
    ).toBeInTheDocument();
    expect(itsmApi.getChangeCalendar).toHaveBeenCalled();
  });

  it('gives changes a page of their own at /itsm/changes, titled for the sidebar', () => {
    const tester = createExtensionTester(
      itsmPlugin.getExtension('page:itsm/changes'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/itsm/changes');
    expect(tester.get(coreExtensionData.routeRef)).toBe(changesRouteRef);
    expect(tester.get(coreExtensionData.title)).toBe('Changes');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('renders a change and the request form on the Changes page', async () => {
    const itsmApi = api();
    const tester = createExtensionTester(
      itsmPlugin.getExtension('page:itsm/changes'),
    );
    const rendered = renderInTestApp(tester.reactElement(), {
      apis: apis(itsmApi),
      mountPath: '/itsm/changes',
      mountedRoutes: {
        '/itsm': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
      initialRouteEntries: ['/itsm/changes/CHG-3'],
    });
    expect(
      await screen.findByRole('heading', { name: 'Rotate certificates' }),
    ).toBeInTheDocument();
    expect(itsmApi.getChange).toHaveBeenCalledWith({ id: 'CHG-3' });
    rendered.unmount();

    renderInTestApp(
      createExtensionTester(
        itsmPlugin.getExtension('page:itsm/changes'),
      ).reactElement(),
      {
        apis: apis(itsmApi),
        mountPath: '/itsm/changes',
        mountedRoutes: { '/itsm': rootRouteRef },
        initialRouteEntries: [
          '/itsm/changes/new?entityRef=component:default/payments-api',
        ],
      },
    );
    expect(
      await screen.findByRole('heading', { name: 'Request a change' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/payments-api'),
    ).toBeInTheDocument();
  });

  it('adds "Changes" to the sidebar: the list, newest first, links each change to its page there', async () => {
    const itsmApi = api();
    const app = renderTestApp({
      features: [itsmPlugin],
      apis: apis(itsmApi),
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/itsm/changes'],
    });

    const link = await screen.findByRole('link', { name: 'CHG-3' });
    expect(link).toHaveAttribute('href', '/itsm/changes/CHG-3');
    expect(itsmApi.listChanges).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 50 }),
    );
    expect(
      screen
        .getAllByRole('link', { name: 'Changes' })
        .map(a => a.getAttribute('href')),
    ).toContain('/itsm/changes');
    expect(
      screen.getByRole('button', { name: 'Request a change' }),
    ).toHaveAttribute('href', '/itsm/changes/new');

    await userEvent.click(link);
    expect(
      await screen.findByRole('heading', { name: 'Rotate certificates' }),
    ).toBeInTheDocument();
    expect(
      app.apis.get(coreApis.appHistory)?.getSnapshot().location.pathname,
    ).toBe('/itsm/changes/CHG-3');
  });
});
