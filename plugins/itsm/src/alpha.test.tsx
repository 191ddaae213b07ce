import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { itsmApiRef } from './api';
import itsmPlugin from './alpha';
import { makeHealth, mockItsmApi, paymentsApi } from './__testUtils__/fixtures';

type EntityFilter = (entity: Entity) => boolean;

function entityOfKind(kind: string): Entity {
  return { ...paymentsApi, kind };
}

describe('itsm plugin (new frontend system)', () => {
  it('provides the API, the entity content and the entity card', () => {
    expect(itsmPlugin.pluginId).toBe('itsm');
    for (const id of [
      'api:itsm',
      'entity-content:itsm/service-management',
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
    expect(tester.get(EntityContentBlueprint.dataRefs.group)).toBe('operation');
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as EntityFilter;
    for (const kind of ['Component', 'Resource', 'System', 'API']) {
      expect(filter(entityOfKind(kind))).toBe(true);
    }
    expect(filter(entityOfKind('Group'))).toBe(false);
  });
});
