import { createBackendModule } from '@backstage/backend-plugin-api';
import type { IncidentCreateRequest } from '@backstage-itsm/plugin-itsm-common';
import {
  ItsmImprovementImporter,
  itsmImportsExtensionPoint,
} from '@backstage-itsm/plugin-itsm-node';
import {
  ALICE,
  newIncident,
  startItsmBackend,
} from '../../__testUtils__/testBackend';
import { improvementApi, newImprovement } from './__testUtils__/improvementApi';

const mockMeasure = jest.fn();

jest.mock('./measure', () => ({
  createKpiMeasurer: () => ({
    measure: (input: unknown) => mockMeasure(input),
  }),
}));

jest.setTimeout(60_000);

const DAY = 86_400_000;
const BOB = 'user:default/bob';

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('never happened');
}

describe('improvement imports', () => {
  it('raise, approve, implement and evaluate an item at the import clock, as the named actors, quietly', async () => {
    const start = Date.parse('2027-01-05T08:00:00Z');
    mockMeasure.mockImplementation(async ({ to }: { to: Date }) =>
      to.getTime() <= start + DAY ? { value: 10, n: 10 } : { value: 3, n: 3 },
    );
    const outcome: {
      errors: unknown[];
      proposedTwice?: unknown;
      feedback?: object;
    } = { errors: [] };
    const importModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-improvement-import',
      register(reg) {
        reg.registerInit({
          deps: { imports: itsmImportsExtensionPoint },
          async init({ imports }) {
            imports.addImport('improvements', async context => {
              let clock = start;
              const now = () => new Date(clock);
              const incident = await context
                .incidents({ now })
                .create(newIncident() as IncidentCreateRequest, ALICE);
              const improvements: ItsmImprovementImporter =
                context.improvements!({ now });
              try {
                const item = await improvements.create(
                  {
                    ...newImprovement(),
                    source: 'incident_trend',
                    sourceId: incident.id,
                  },
                  ALICE,
                );
                clock += DAY;
                // Alice owns it: the rules hold for imports too.
                await improvements
                  .transition(item.id, { to: 'approved' }, ALICE)
                  .catch(error => outcome.errors.push(error.name));
                await improvements.transition(item.id, { to: 'approved' }, BOB);
                await improvements.transition(
                  item.id,
                  { to: 'in_progress' },
                  ALICE,
                );
                await improvements.transition(
                  item.id,
                  { to: 'implemented' },
                  ALICE,
                );
                clock += 7 * DAY;
                await improvements.evaluate(item.id, ALICE);
                await improvements.link(
                  item.id,
                  { to: incident.id, relation: 'caused_by' },
                  ALICE,
                );
                // A low rating's comment raises an item linked to the rated incident.
                await context.incidents({ now }).transition(
                  incident.id,
                  {
                    to: 'resolved',
                    resolutionCode: 'fixed',
                    resolutionNotes: 'Restarted the pool',
                  },
                  BOB,
                );
                const rating = await context.satisfaction!({
                  now,
                }).rateIncident(
                  incident.id,
                  { answers: { rating: 2 }, comment: 'Two days to fix it' },
                  ALICE,
                );
                outcome.feedback = await improvements.create(
                  {
                    ...newImprovement({ kpi: null }),
                    source: 'customer_feedback',
                    sourceId: `${incident.id}/${rating.submittedAt}`,
                  },
                  ALICE,
                );
                const proposal = newImprovement({ kpi: null });
                await improvements.propose(proposal, 'import:1');
                outcome.proposedTwice = await improvements.propose(
                  proposal,
                  'import:1',
                );
              } catch (error) {
                outcome.errors.push(error);
              }
            });
          },
        });
      },
    });
    const backend = await startItsmBackend({ features: [importModule] });
    const api = improvementApi(backend, BOB);
    const item = await eventually(
      async () => (await api.get('/improvements/IMP-1')).body,
      body => body.status === 'evaluated',
    );
    await eventually(
      async () => (await api.get('/improvements/IMP-3')).status,
      status => status === 200,
    );
    expect(outcome).toMatchObject({
      errors: ['NotAllowedError'],
      proposedTwice: null,
      feedback: {
        id: 'IMP-2',
        source: 'customer_feedback',
        sourceId: 'INC-1/2027-01-13T08:00:00.000Z',
      },
    });
    const draft = await api.get(
      '/improvements/draft?source=customer_feedback&sourceId=INC-1/2027-01-13T08:00:00.000Z',
    );
    expect(draft.body).toMatchObject({
      title: 'Act on feedback about payments: Two days to fix it',
      description: expect.stringContaining('> Two days to fix it'),
      kpi: { kpi: 'csat', direction: 'increase' },
    });
    expect(item).toMatchObject({
      sourceId: 'INC-1',
      owner: ALICE,
      approvedBy: BOB,
      createdAt: '2027-01-05T08:00:00.000Z',
      approvedAt: '2027-01-06T08:00:00.000Z',
      implementedAt: '2027-01-06T08:00:00.000Z',
      evaluatedAt: '2027-01-13T08:00:00.000Z',
      baseline: {
        from: '2026-12-30T08:00:00.000Z',
        to: '2027-01-06T08:00:00.000Z',
        value: 10,
        n: 10,
      },
      measured: { value: 3, n: 3 },
      verdict: 'achieved',
    });
    expect(
      (await api.history('IMP-1')).map(e => [e.at, e.actor, e.action]),
    ).toEqual([
      ['2027-01-05T08:00:00.000Z', ALICE, 'create'],
      ['2027-01-05T08:00:00.000Z', ALICE, 'linked'],
      ['2027-01-06T08:00:00.000Z', BOB, 'transition'],
      ['2027-01-06T08:00:00.000Z', ALICE, 'transition'],
      ['2027-01-06T08:00:00.000Z', ALICE, 'transition'],
      ['2027-01-13T08:00:00.000Z', ALICE, 'evaluate'],
      ['2027-01-13T08:00:00.000Z', ALICE, 'linked'],
    ]);
    expect(
      (await api.get('/improvements/IMP-1/links')).body.items.map(
        (l: any) => `${l.relation} ${l.to}`,
      ),
    ).toEqual(['relates_to INC-1', 'caused_by INC-1']);
    expect(
      (await api.get('/improvements/IMP-2/links')).body.items.map(
        (l: any) => `${l.relation} ${l.to}`,
      ),
    ).toEqual(['relates_to INC-1']);
    // Imports notify nobody.
    expect(backend.notifications.send).not.toHaveBeenCalled();
  });
});
