import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  FakeItsmServer,
  fakeKnownError,
} from '../__testUtils__/fakeItsmServer';
import { INITIATOR, createActionContext } from '../__testUtils__/actionContext';
import { createItsmIncidentCreateAction } from './createIncident';

const APP = 'https://portal.example.com/';

const incident = {
  title: 'Card payments time out',
  description: 'Checkout reports timeouts from the payments service.',
  entityRef: 'component:default/payments-service',
  affectedEntityRefs: ['resource:default/payments-db'],
  impact: 1,
  urgency: 2,
};

describe('itsm:incident:create', () => {
  let fake: FakeItsmServer;
  let auth: ReturnType<typeof mockServices.auth>;

  beforeEach(async () => {
    fake = await FakeItsmServer.start();
    auth = mockServices.auth();
  });

  afterEach(async () => {
    await fake.stop();
  });

  async function run(
    input: unknown,
    options: {
      isDryRun?: boolean;
      credentials?: any;
      checkpoints?: Map<string, unknown>;
    } = {},
  ) {
    const action = createItsmIncidentCreateAction({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => fake.baseUrl,
      }),
      auth,
      config: mockServices.rootConfig({ data: { app: { baseUrl: APP } } }),
    });
    const context = createActionContext({ input, ...options });
    await action.handler(context.ctx);
    return context;
  }

  it('raises the incident as the user running the template', async () => {
    const spy = jest.spyOn(auth, 'getPluginRequestToken');
    const credentials = mockCredentials.user(INITIATOR);

    const { outputs } = await run(incident, { credentials });

    // The incident, then the known errors to offer (none are seeded).
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /incidents',
      'GET /known-errors/matches',
    ]);
    const [create] = fake.requests;
    expect(create.method).toBe('POST');
    expect(create.path).toBe('/incidents');
    expect(create.headers['content-type']).toBe('application/json');
    expect(create.body).toEqual({
      ...incident,
      source: 'portal',
    });
    expect(create.caller).toBe(INITIATOR);
    expect(spy).toHaveBeenCalledWith({
      onBehalfOf: credentials,
      targetPluginId: 'itsm',
    });
    expect(outputs).toEqual({
      id: 'INC-1',
      url: 'https://portal.example.com/itsm/incidents/INC-1',
      priority: 2,
      knownErrors: [],
    });
  });

  it('completes a short entity ref and drops empty optional values', async () => {
    await run({
      ...incident,
      entityRef: 'payments-service',
      affectedEntityRefs: [''],
      description: '',
      category: '',
    });

    expect(fake.requests[0].body).toEqual({
      title: incident.title,
      description: '',
      entityRef: 'component:default/payments-service',
      affectedEntityRefs: [],
      impact: 1,
      urgency: 2,
      source: 'portal',
    });
  });

  it('refuses an impact outside 1–3 before writing anything', async () => {
    await expect(run({ ...incident, impact: 4 })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^Invalid incident: impact: /),
    });
    expect(fake.requests).toEqual([]);
  });

  it('surfaces the message of a 400 from the ITSM API', async () => {
    await expect(
      run({ ...incident, entityRef: 'component:default/nope' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'ITSM refused to create the incident: entityRef: component:default/nope is not in the catalog',
    });
    expect(fake.incidents.size).toBe(0);
  });

  it('makes nothing on a dry run and previews the priority', async () => {
    const { outputs, logger } = await run(
      { ...incident, impact: 3, urgency: 3 },
      { isDryRun: true },
    );

    expect(fake.writes).toEqual([]);
    expect(outputs).toEqual({
      id: 'INC-0',
      url: 'https://portal.example.com/itsm/incidents/INC-0',
      priority: 5,
      knownErrors: [],
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Dry run: would raise the incident "Card payments time out" on component:default/payments-service',
      ),
    );
  });

  describe('known errors', () => {
    const longWorkaround = `Restart the pods one at a time.\n\n${'Then watch the pool gauge. '.repeat(
      40,
    )}`;

    /** KE-1 on the incident's entity, KE-2 on its upstream database; the rest do not apply. */
    function seed() {
      for (const knownError of [
        fakeKnownError({
          id: 'KE-1',
          title: 'Connection pool exhausted under load',
          workaround: longWorkaround,
          matchRules: { categories: [], signatures: [], text: ['time out'] },
        }),
        fakeKnownError({
          id: 'KE-2',
          title: 'Replica lag stalls writes',
          workaround: 'Fail over to the standby replica.',
          entityRefs: ['resource:default/payments-db'],
          matchRules: {
            categories: ['availability'],
            signatures: [],
            text: ['timeouts'],
          },
        }),
        // Same entity, but nothing in the incident matches its rules.
        fakeKnownError({
          id: 'KE-3',
          matchRules: { categories: [], signatures: [], text: ['disk full'] },
        }),
        // Matches, but retired.
        fakeKnownError({ id: 'KE-4', status: 'retired' }),
        // Matches, but on an entity the incident does not depend on.
        fakeKnownError({
          id: 'KE-5',
          entityRefs: ['component:default/api-gateway'],
        }),
      ]) {
        fake.knownErrors.set(knownError.id, knownError);
      }
    }

    const withCategory = { ...incident, category: 'availability' };

    it('offers the matching known errors of the entity and its upstream dependencies with their workarounds', async () => {
      seed();

      const { outputs, logger } = await run(withCategory);

      expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        'POST /incidents',
        'GET /known-errors/matches',
        'POST /known-errors/KE-2/uses',
        'POST /known-errors/KE-1/uses',
      ]);
      const [, match, ...uses] = fake.requests;
      expect(match.query).toEqual({
        entityRef: 'component:default/payments-service',
        text: 'Card payments time out\nCheckout reports timeouts from the payments service.',
        category: 'availability',
        limit: '5',
      });
      expect(match.caller).toBe(INITIATOR);
      expect(match.headers['content-type']).toBeUndefined();
      expect(uses.map(r => r.body)).toEqual([
        { incidentId: 'INC-1', kind: 'offered' },
        { incidentId: 'INC-1', kind: 'offered' },
      ]);
      expect(uses.map(r => r.caller)).toEqual([INITIATOR, INITIATOR]);
      expect(
        [...fake.knownErrors.values()].map(ke => [ke.id, ke.offeredCount]),
      ).toEqual([
        ['KE-1', 1],
        ['KE-2', 1],
        ['KE-3', 0],
        ['KE-4', 0],
        ['KE-5', 0],
      ]);

      // Best first: KE-2 matches on category and text, KE-1 on text and its own entity.
      expect(outputs.knownErrors).toEqual([
        {
          id: 'KE-2',
          title: 'Replica lag stalls writes',
          workaround: 'Fail over to the standby replica.',
          url: 'https://portal.example.com/itsm/known-errors/KE-2',
          upstream: true,
        },
        {
          id: 'KE-1',
          title: 'Connection pool exhausted under load',
          workaround: longWorkaround,
          url: 'https://portal.example.com/itsm/known-errors/KE-1',
          upstream: false,
        },
      ]);

      const lines = logger.info.mock.calls.map(([line]) => line);
      expect(lines).toContain(
        '2 known errors match INC-1; a workaround may help right away:',
      );
      expect(lines).toContain(
        'KE-2 "Replica lag stalls writes" matched on category availability, text "timeouts" via the upstream dependency resource:default/payments-db. Workaround: Fail over to the standby replica. (https://portal.example.com/itsm/known-errors/KE-2)',
      );
      const ke1 = lines.find(line => line.startsWith('KE-1 '))!;
      expect(ke1).toMatch(
        /^KE-1 "Connection pool exhausted under load" matched on text "time out" on component:default\/payments-service\. Workaround: Restart the pods one at a time\. Then watch the pool gauge\. .*… \(https:\/\/portal\.example\.com\/itsm\/known-errors\/KE-1\)$/,
      );
      const logged = /Workaround: (.*) \(https/.exec(ke1)![1];
      expect(logged.length).toBeLessThanOrEqual(300);
      expect(logger.warn).not.toHaveBeenCalled();
    });

    it('shows the same known errors on a retried task without asking or counting again', async () => {
      seed();
      const checkpoints = new Map<string, unknown>();
      const first = await run(withCategory, { checkpoints });
      const requests = fake.requests.length;

      const retry = await run(withCategory, { checkpoints });

      expect(fake.requests).toHaveLength(requests);
      expect(fake.incidents.size).toBe(1);
      expect(retry.outputs).toEqual(first.outputs);
      expect(fake.knownErrors.get('KE-1')!.offeredCount).toBe(1);
      expect(retry.logger.info).toHaveBeenCalledWith(
        '2 known errors match INC-1; a workaround may help right away:',
      );
    });

    it('offers nothing when no known error matches', async () => {
      seed();

      const { outputs, logger } = await run({
        ...incident,
        title: 'Refunds are booked twice',
        description: 'Customers see two refunds.',
      });

      expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        'POST /incidents',
        'GET /known-errors/matches',
      ]);
      expect(outputs.knownErrors).toEqual([]);
      expect(logger.info).toHaveBeenCalledWith(
        'No active known error matches INC-1',
      );
    });

    it('raises the incident when the known errors cannot be looked up, and a retry asks again', async () => {
      seed();
      fake.outage = /^GET \/known-errors\/matches$/;
      const checkpoints = new Map<string, unknown>();

      const { outputs, logger } = await run(withCategory, { checkpoints });

      expect(fake.incidents.size).toBe(1);
      expect(outputs).toEqual({
        id: 'INC-1',
        url: 'https://portal.example.com/itsm/incidents/INC-1',
        priority: 2,
        knownErrors: [],
      });
      expect(logger.warn).toHaveBeenCalledWith(
        'Could not look up known errors for INC-1 (the incident is raised): Error: ITSM could not match known errors: ITSM is down for maintenance (HTTP 503)',
      );
      expect(fake.writes.map(r => r.path)).toEqual(['/incidents']);

      fake.outage = undefined;
      const retry = await run(withCategory, { checkpoints });

      expect(fake.incidents.size).toBe(1);
      expect(
        (retry.outputs.knownErrors as { id: string }[]).map(ke => ke.id),
      ).toEqual(['KE-2', 'KE-1']);
    });

    it('still shows a known error whose offer could not be recorded', async () => {
      seed();
      fake.outage = /^POST \/known-errors\/KE-1\/uses$/;

      const { outputs, logger } = await run(withCategory);

      expect(
        (outputs.knownErrors as { id: string }[]).map(ke => ke.id),
      ).toEqual(['KE-2', 'KE-1']);
      expect(fake.knownErrors.get('KE-2')!.offeredCount).toBe(1);
      expect(fake.knownErrors.get('KE-1')!.offeredCount).toBe(0);
      expect(logger.warn).toHaveBeenCalledWith(
        'Error: ITSM could not record that KE-1 was offered for INC-1: ITSM is down for maintenance (HTTP 503)',
      );
    });

    it('previews the known errors on a dry run and records nothing', async () => {
      seed();

      const { outputs, logger } = await run(withCategory, { isDryRun: true });

      expect(fake.writes).toEqual([]);
      expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
        'GET /known-errors/matches',
      ]);
      expect(
        [...fake.knownErrors.values()].every(ke => ke.offeredCount === 0),
      ).toBe(true);
      expect(
        (outputs.knownErrors as { id: string }[]).map(ke => ke.id),
      ).toEqual(['KE-2', 'KE-1']);
      expect(logger.info).toHaveBeenCalledWith(
        'Dry run: 2 known errors would be offered for the incident; a workaround may help right away:',
      );
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/^Dry run: KE-2 "Replica lag stalls writes"/),
      );
    });

    it('keeps a dry run going when the known errors cannot be looked up', async () => {
      fake.outage = /known-errors/;

      const { outputs, logger } = await run(incident, { isDryRun: true });

      expect(outputs.knownErrors).toEqual([]);
      expect(outputs.id).toBe('INC-0');
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Dry run: could not look up known errors'),
      );
    });

    it('sends at most the text the matches accept, even from a long description', async () => {
      seed();

      const { outputs, logger } = await run({
        ...incident,
        description: `time out ${'äöü 😀 '.repeat(3000)}`,
      });

      const match = fake.requests.find(r => r.method === 'GET')!;
      expect(match.query.text.length).toBeLessThanOrEqual(5000);
      expect(match.query.text).toMatch(/^Card payments time out\ntime out äöü/);
      expect(encodeURIComponent(match.query.text).length).toBeLessThanOrEqual(
        6000,
      );
      expect(logger.warn).not.toHaveBeenCalled();
      expect(
        (outputs.knownErrors as { id: string }[]).map(ke => ke.id),
      ).toEqual(['KE-1']);
    });
  });
});
