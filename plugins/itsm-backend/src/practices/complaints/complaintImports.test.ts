import { createBackendModule } from '@backstage/backend-plugin-api';
import { itsmImportsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import type { IncidentCreateRequest } from '@backstage-itsm/plugin-itsm-common';
import { newIncident, startItsmBackend } from '../../__testUtils__/testBackend';
import { complaintApi } from './__testUtils__/complaintApi';

const H = 3_600_000;
const BOB = 'user:default/bob';

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('never happened');
}

describe('complaint imports', () => {
  it('write a complaint at the import clock, as the named actors, quietly', async () => {
    const start = Date.parse('2027-01-05T08:00:00Z');
    const importModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-complaint-import',
      register(reg) {
        reg.registerInit({
          deps: { imports: itsmImportsExtensionPoint },
          async init({ imports }) {
            imports.addImport('complaints', async context => {
              let clock = start;
              const complaints = context.complaints!({
                now: () => new Date(clock),
              });
              const created = await complaints.create(
                {
                  title: 'Charged twice',
                  description: 'Order 4711',
                  entityRef: 'component:default/cart',
                },
                'user:default/alice',
              );
              clock += H;
              await complaints.transition(
                created.id,
                { to: 'resolved', response: 'Refunded' },
                BOB,
              );
              // Linked at the import's clock, as the named actor.
              const incident = await context
                .incidents({ now: () => new Date(clock) })
                .create(
                  newIncident() as IncidentCreateRequest,
                  'user:default/alice',
                );
              await complaints.link(
                created.id,
                { to: incident.id, relation: 'relates_to' },
                BOB,
              );
              clock += H;
              await complaints.transition(
                created.id,
                { to: 'closed' },
                'user:default/alice',
              );
            });
          },
        });
      },
    });
    const backend = await startItsmBackend({ features: [importModule] });
    const api = complaintApi(backend, BOB);
    const complaint = await eventually(
      async () => (await api.get('/complaints/CMP-1')).body,
      body => body.status === 'closed',
    );
    expect(complaint).toMatchObject({
      complainant: 'user:default/alice',
      owner: 'group:default/team-b',
      createdAt: '2027-01-05T08:00:00.000Z',
      resolvedAt: '2027-01-05T09:00:00.000Z',
      closedAt: '2027-01-05T10:00:00.000Z',
      version: 3,
    });
    expect(
      (await api.history('CMP-1')).map(e => [e.at, e.actor, e.action]),
    ).toEqual([
      ['2027-01-05T08:00:00.000Z', 'user:default/alice', 'create'],
      ['2027-01-05T09:00:00.000Z', BOB, 'transition'],
      ['2027-01-05T09:00:00.000Z', BOB, 'linked'],
      ['2027-01-05T10:00:00.000Z', 'user:default/alice', 'transition'],
    ]);
    // Imports notify nobody.
    expect(backend.notifications.send).not.toHaveBeenCalled();
  });
});
