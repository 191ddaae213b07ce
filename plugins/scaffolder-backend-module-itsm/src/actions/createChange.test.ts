import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { FAKE_TEMPLATE, FakeItsmServer } from '../__testUtils__/fakeItsmServer';
import { INITIATOR, createActionContext } from '../__testUtils__/actionContext';
import { createItsmChangeCreateAction } from './createChange';

const APP = 'https://portal.example.com';

const RISK_ANSWERS = {
  tested: 'yes',
  outage: 'no',
  backout: 'yes',
  implementers: 'one_team',
  failed_before: 'no',
  data_change: 'compatible',
};

const normalChange = {
  type: 'normal',
  title: 'Upgrade the payments database to PostgreSQL 17',
  justification: 'PostgreSQL 13 is out of support.',
  entityRefs: ['resource:default/payments-db'],
  plannedStart: '2026-06-01T08:00:00Z',
  plannedEnd: '2026-06-01T10:00:00Z',
  implementationPlan: 'Run pg_upgrade on the replica, then fail over.',
  backoutPlan: 'Fail back to the old primary.',
  testPlan: 'Run the ledger reconciliation.',
  riskAnswers: RISK_ANSWERS,
};

describe('itsm:change:create', () => {
  let fake: FakeItsmServer;
  let auth: ReturnType<typeof mockServices.auth>;

  beforeEach(async () => {
    fake = await FakeItsmServer.start();
    auth = mockServices.auth();
  });

  afterEach(async () => {
    await fake.stop();
  });

  function createAction() {
    return createItsmChangeCreateAction({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async (pluginId: string) => {
          expect(pluginId).toBe('itsm');
          return fake.baseUrl;
        },
      }),
      auth,
      config: mockServices.rootConfig({ data: { app: { baseUrl: APP } } }),
    });
  }

  async function run(input: unknown, options: { isDryRun?: boolean } = {}) {
    const context = createActionContext({ input, ...options });
    await createAction().handler(context.ctx);
    return context;
  }

  it('creates a normal change and submits it through assessment to authorization', async () => {
    const { outputs } = await run(normalChange);

    expect(fake.requests.map(r => [r.method, r.path])).toEqual([
      ['POST', '/changes'],
      ['POST', '/changes/CHG-1/transitions'],
      ['POST', '/changes/CHG-1/transitions'],
    ]);
    const [create, toAssessment, toAuthorization] = fake.requests;
    expect(create.body).toEqual({
      ...normalChange,
      plannedStart: '2026-06-01T08:00:00.000Z',
      plannedEnd: '2026-06-01T10:00:00.000Z',
    });
    expect(create.headers['if-match']).toBeUndefined();
    expect(toAssessment.body).toEqual({ to: 'assessment' });
    expect(toAssessment.headers['if-match']).toBe('"1"');
    expect(toAuthorization.body).toEqual({ to: 'authorization' });
    expect(toAuthorization.headers['if-match']).toBe('"2"');

    expect(outputs).toEqual({
      id: 'CHG-1',
      url: `${APP}/itsm/changes/CHG-1`,
      status: 'authorization',
      risk: 'low',
      requiredApprovals: [
        { kind: 'group', group: 'group:default/change-managers', count: 1 },
      ],
    });
    expect(fake.changes.get('CHG-1')).toMatchObject({
      status: 'authorization',
      version: 3,
    });
  });

  it('creates the change on behalf of the user running the template', async () => {
    const spy = jest.spyOn(auth, 'getPluginRequestToken');
    const credentials = mockCredentials.user('user:default/sofia.rossi');
    const context = createActionContext({ input: normalChange, credentials });

    await createAction().handler(context.ctx);

    expect(spy).toHaveBeenCalledWith({
      onBehalfOf: credentials,
      targetPluginId: 'itsm',
    });
    expect(fake.requests.map(r => r.caller)).toEqual([
      'user:default/sofia.rossi',
      'user:default/sofia.rossi',
      'user:default/sofia.rossi',
    ]);
    expect(fake.changes.get('CHG-1')!.requester).toBe(
      'user:default/sofia.rossi',
    );
  });

  it('sends an emergency change straight to authorization by the emergency CAB', async () => {
    const { outputs } = await run({ ...normalChange, type: 'emergency' });

    expect(
      fake.requests.slice(1).map(r => [r.body.to, r.headers['if-match']]),
    ).toEqual([['authorization', '"1"']]);
    expect(outputs).toMatchObject({
      status: 'authorization',
      requiredApprovals: [
        { kind: 'group', group: 'group:default/ecab', count: 1 },
      ],
    });
  });

  it('schedules a standard change from its template, which fills the plans and the window end', async () => {
    const { outputs } = await run({
      type: 'standard',
      templateId: FAKE_TEMPLATE.id,
      title: 'Renew the TLS certificate of api-gateway',
      entityRef: 'component:default/api-gateway',
      plannedStart: '2026-06-02T06:00:00Z',
      plannedEnd: '',
      riskAnswers: RISK_ANSWERS,
    });

    const [create, toScheduled] = fake.requests;
    expect(create.body).toEqual({
      type: 'standard',
      templateId: 'STD-1',
      title: 'Renew the TLS certificate of api-gateway',
      justification: '',
      entityRefs: ['component:default/api-gateway'],
      plannedStart: '2026-06-02T06:00:00.000Z',
      riskAnswers: RISK_ANSWERS,
    });
    expect(toScheduled.body).toEqual({ to: 'scheduled' });
    expect(toScheduled.headers['if-match']).toBe('"1"');
    expect(fake.requests).toHaveLength(2);
    expect(outputs).toMatchObject({
      id: 'CHG-1',
      status: 'scheduled',
      requiredApprovals: [],
    });
    expect(fake.changes.get('CHG-1')!.plannedEnd).toBe(
      '2026-06-02T06:30:00.000Z',
    );
  });

  it('leaves the change in draft when submit is false', async () => {
    const { outputs } = await run({
      title: 'Upgrade PostgreSQL',
      entityRefs: ['resource:default/payments-db'],
      submit: false,
    });

    expect(fake.requests.map(r => r.path)).toEqual(['/changes']);
    expect(fake.requests[0].body.type).toBe('normal');
    expect(outputs).toMatchObject({
      id: 'CHG-1',
      status: 'draft',
      risk: null,
      requiredApprovals: [],
    });
  });

  it('merges entityRef into entityRefs, completes short refs and ignores empty form values', async () => {
    await run({
      ...normalChange,
      entityRefs: ['Resource:default/payments-db', ''],
      entityRef: 'payments-service',
      justification: '',
    });

    expect(fake.requests[0].body).toMatchObject({
      entityRefs: [
        'resource:default/payments-db',
        'component:default/payments-service',
      ],
      justification: '',
    });
  });

  it('sends window instants with an offset as UTC', async () => {
    await run({
      ...normalChange,
      plannedStart: '2026-06-01T10:00+02:00',
      plannedEnd: '2026-06-01T12:30:00.000+02:00',
    });

    expect(fake.requests[0].body).toMatchObject({
      plannedStart: '2026-06-01T08:00:00.000Z',
      plannedEnd: '2026-06-01T10:30:00.000Z',
    });
  });

  it.each([
    [
      'a window without a time zone',
      { plannedStart: '2026-06-01T08:00' },
      /plannedStart must be an ISO-8601 date-time with a time zone/,
    ],
    [
      'no affected entity',
      { entityRefs: [] },
      /entityRefs \(or entityRef\) must name at least one affected entity/,
    ],
    [
      'a window that ends before it starts',
      { plannedEnd: '2026-06-01T07:00:00Z' },
      /plannedEnd: plannedEnd must be after plannedStart/,
    ],
    [
      'a missing backout plan while submitting',
      { backoutPlan: '' },
      /backoutPlan is required to leave draft/,
    ],
    [
      'a templateId on a normal change',
      { templateId: 'STD-1' },
      /templateId is only accepted for a standard change/,
    ],
  ])('refuses %s before writing anything', async (_name, patch, message) => {
    await expect(run({ ...normalChange, ...patch })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(fake.requests).toEqual([]);
  });

  it('surfaces the message of a 400 from the ITSM API', async () => {
    await expect(
      run({
        ...normalChange,
        riskAnswers: { ...RISK_ANSWERS, tested: 'maybe' },
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        "ITSM refused to create the change: riskAnswers.tested: unknown answer 'maybe'; allowed: yes, partially, no",
    });
    expect(fake.changes.size).toBe(0);
  });

  it('surfaces an entity the catalog does not know', async () => {
    await expect(
      run({ ...normalChange, entityRefs: ['component:default/nope'] }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'ITSM refused to create the change: entityRefs.0: component:default/nope is not in the catalog',
    });
  });

  it('surfaces an unknown standard change template', async () => {
    await expect(
      run({
        type: 'standard',
        templateId: 'STD-99',
        title: 'Renew',
        entityRef: 'component:default/api-gateway',
        plannedStart: '2026-06-02T06:00:00Z',
      }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        'ITSM refused to create the change: No active change template STD-99',
    });
  });

  it('names the draft it created when the server refuses to submit it', async () => {
    fake.freeze = 'Year-end freeze';

    await expect(
      run({
        type: 'standard',
        templateId: FAKE_TEMPLATE.id,
        title: 'Renew the TLS certificate',
        entityRef: 'component:default/api-gateway',
        plannedStart: '2026-12-20T06:00:00Z',
      }),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: `CHG-1 was created but stays in draft; complete it at ${APP}/itsm/changes/CHG-1: ITSM refused to move CHG-1 to scheduled: The freeze window Year-end freeze blocks scheduling this change`,
    });
    expect(fake.changes.get('CHG-1')!.status).toBe('draft');
  });

  it('moves the change only from the version it created (If-Match)', async () => {
    fake.concurrentEdits = true;

    await expect(run(normalChange)).rejects.toMatchObject({
      name: 'ConflictError',
      message: `CHG-1 was created but stays in draft; complete it at ${APP}/itsm/changes/CHG-1: ITSM refused to move CHG-1 to assessment: CHG-1 has changed since version 1`,
    });
    expect(fake.changes.get('CHG-1')!.status).toBe('draft');
  });

  it('makes nothing on a dry run and shows the assessed risk and approvers', async () => {
    const { outputs, logger } = await run(
      {
        ...normalChange,
        riskAnswers: {
          ...RISK_ANSWERS,
          tested: 'no',
          outage: 'yes',
          backout: 'no',
        },
      },
      { isDryRun: true },
    );

    expect(fake.writes).toEqual([]);
    expect(fake.changes.size).toBe(0);
    expect(fake.requests.map(r => r.path)).toEqual(['/change-assessments']);
    expect(fake.requests[0].caller).toBe(INITIATOR);
    expect(outputs).toEqual({
      id: 'CHG-0',
      url: `${APP}/itsm/changes/CHG-0`,
      status: 'authorization',
      risk: 'high',
      requiredApprovals: [
        { kind: 'quorum', group: 'group:default/cab', quorum: 3, of: 6 },
      ],
    });
    expect(logger.info).toHaveBeenCalledWith(
      'Dry run: would create the normal change "Upgrade the payments database to PostgreSQL 17" on resource:default/payments-db and submit it to authorization',
    );
  });

  it('still validates the input on a dry run', async () => {
    await expect(
      run({ ...normalChange, testPlan: '' }, { isDryRun: true }),
    ).rejects.toThrow('testPlan is required to leave draft');
    expect(fake.requests).toEqual([]);
  });

  it('reuses the change it created when a task is retried', async () => {
    const checkpoints = new Map<string, unknown>();
    const action = createAction();
    const first = createActionContext({ input: normalChange, checkpoints });
    await action.handler(first.ctx);
    const second = createActionContext({ input: normalChange, checkpoints });
    await action.handler(second.ctx);

    expect(fake.changes.size).toBe(1);
    expect(fake.requests).toHaveLength(3);
    expect(second.outputs).toEqual(first.outputs);
  });
});
