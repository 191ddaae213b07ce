import { createBackendModule } from '@backstage/backend-plugin-api';
import { itsmImportsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import {
  ANSWERS,
  MARCUS,
  PAYMENTS,
  PRIYA,
  SEARCH,
  TOM,
  changeEntities,
} from './__testUtils__/changeApi';
import { asUser, startItsmBackend } from './__testUtils__/testBackend';

const H = 3_600_000;

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('never happened');
}

describe('imports', () => {
  it('writes history at the import clock, as the named actors, through the domain rules', async () => {
    const start = Date.parse('2026-10-05T08:00:00Z');
    let emptyBefore: boolean | undefined;
    const importModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-import',
      register(reg) {
        reg.registerInit({
          deps: { imports: itsmImportsExtensionPoint },
          async init({ imports }) {
            imports.addImport('history', async context => {
              emptyBefore = await context.isEmpty();
              let clock = start;
              const importer = context.incidents({
                now: () => new Date(clock),
              });
              const created = await importer.create(
                {
                  title: 'Old outage',
                  entityRef: 'component:default/cart',
                  impact: 2,
                  urgency: 2,
                },
                'user:default/bob',
              );
              clock += H;
              await importer.transition(
                created.id,
                { to: 'in_progress' },
                'user:default/carol',
              );
              clock += H;
              await importer.addWorkNote(
                created.id,
                'Rolled back the release',
                'user:default/carol',
              );
              await importer.transition(
                created.id,
                {
                  to: 'resolved',
                  resolutionCode: 'change_rolled_back',
                  resolutionNotes: 'Rolled back',
                },
                'user:default/carol',
              );
            });
          },
        });
      },
    });

    const backend = await startItsmBackend({ features: [importModule] });
    const incident = await eventually(
      async () =>
        (
          await backend
            .api()
            .get('/api/itsm/incidents/INC-1')
            .set('Authorization', asUser())
        ).body,
      body => body.status === 'resolved',
    );
    expect(emptyBefore).toBe(true);
    expect(incident).toMatchObject({
      priority: 3,
      reporter: 'user:default/bob',
      createdAt: '2026-10-05T08:00:00.000Z',
      resolutionCode: 'change_rolled_back',
    });
    expect(incident.sla.resolution).toMatchObject({
      state: 'met',
      elapsedMs: 2 * H,
    });

    const history = await backend
      .api()
      .get('/api/itsm/incidents/INC-1/history')
      .set('Authorization', asUser());
    expect(
      history.body.items.map((e: any) => [e.action, e.actor, e.at]),
    ).toEqual([
      ['create', 'user:default/bob', '2026-10-05T08:00:00.000Z'],
      ['transition', 'user:default/carol', '2026-10-05T09:00:00.000Z'],
      ['work_note', 'user:default/carol', '2026-10-05T10:00:00.000Z'],
      ['transition', 'user:default/carol', '2026-10-05T10:00:00.000Z'],
    ]);
    // An import writes quietly: nobody is notified, no live updates for history.
    expect(backend.signals.publish).not.toHaveBeenCalled();
  });

  it('writes changes and templates through the change rules at the import clock, quietly', async () => {
    const start = Date.parse('2026-10-05T08:00:00Z');
    const importModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-change-import',
      register(reg) {
        reg.registerInit({
          deps: { imports: itsmImportsExtensionPoint },
          async init({ imports }) {
            imports.addImport('changes', async context => {
              let clock = start;
              const now = () => new Date(clock);
              const templates = context.changeTemplates({ now });
              const changes = context.changes({ now });
              const template = await templates.create(
                {
                  title: 'Restart the search index',
                  owner: PAYMENTS,
                  implementationPlan: 'Restart',
                  backoutPlan: 'None needed',
                  testPlan: 'Query it',
                },
                MARCUS,
              );
              const window = {
                plannedStart: '2026-10-06T08:00:00.000Z',
                plannedEnd: '2026-10-06T09:00:00.000Z',
              };
              await changes.create(
                {
                  type: 'standard',
                  title: 'Restart',
                  templateId: template.id,
                  entityRefs: [SEARCH],
                  plannedStart: window.plannedStart,
                },
                PRIYA,
              );
              let change = await changes.create(
                {
                  type: 'normal',
                  title: 'Reindex',
                  entityRefs: [SEARCH],
                  ...window,
                  implementationPlan: 'Reindex',
                  backoutPlan: 'Restore',
                  testPlan: 'Query',
                  riskAnswers: ANSWERS.low,
                },
                PRIYA,
              );
              clock += 3_600_000;
              change = await changes.transition(
                change.id,
                { to: 'assessment' },
                PRIYA,
              );
              change = await changes.transition(
                change.id,
                { to: 'authorization' },
                PRIYA,
              );
              clock += 3_600_000;
              await changes.decide(change.id, { decision: 'approve' }, TOM);
            });
          },
        });
      },
    });

    const backend = await startItsmBackend({
      entities: changeEntities,
      config: {},
      features: [importModule],
    });
    const change = await eventually(
      async () =>
        (
          await backend
            .api()
            .get('/api/itsm/changes/CHG-2')
            .set('Authorization', asUser())
        ).body,
      body => body.status === 'scheduled',
    );
    expect(change).toMatchObject({
      requester: PRIYA,
      createdAt: '2026-10-05T08:00:00.000Z',
      approvals: [{ approver: TOM, at: '2026-10-05T10:00:00.000Z' }],
    });
    const standard = await backend
      .api()
      .get('/api/itsm/changes/CHG-1')
      .set('Authorization', asUser());
    expect(standard.body).toMatchObject({
      templateId: 'STD-1',
      plannedEnd: '2026-10-06T09:00:00.000Z',
      implementationPlan: 'Restart',
    });
    expect(backend.signals.publish).not.toHaveBeenCalled();
    expect(backend.notifications.send).not.toHaveBeenCalled();
  });
});

describe('imports: incident categories', () => {
  it('maps imported categories onto the taxonomy, never refusing one', async () => {
    const importModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-category-import',
      register(reg) {
        reg.registerInit({
          deps: { imports: itsmImportsExtensionPoint },
          async init({ imports }) {
            imports.addImport('categories', async context => {
              const importer = context.incidents({ now: () => new Date() });
              const base = {
                title: 'Old outage',
                entityRef: 'component:default/cart',
                impact: 2,
                urgency: 2,
              } as const;
              for (const [category, subcategory] of [
                ['Database', 'Replication lag'],
                ['Availability', 'outage'],
                [undefined, undefined],
              ]) {
                await importer.create(
                  { ...base, category, subcategory },
                  'user:default/bob',
                );
              }
            });
          },
        });
      },
    });

    const backend = await startItsmBackend({ features: [importModule] });
    const get = (path: string) =>
      backend.api().get(`/api/itsm/${path}`).set('Authorization', asUser());
    const items = await eventually(
      async () => (await get('incidents?order=asc')).body.items as any[],
      list => list.length === 3,
    );
    expect(items.map((i: any) => [i.id, i.category, i.subcategory])).toEqual([
      ['INC-1', 'uncategorised', null],
      ['INC-2', 'availability', 'outage'],
      ['INC-3', null, null],
    ]);
    const history = await get('incidents/INC-1/history');
    expect(history.body.items[0].comment).toBe(
      'category "Database" not in the taxonomy, subcategory "Replication lag" dropped: uncategorised',
    );
  });
});
