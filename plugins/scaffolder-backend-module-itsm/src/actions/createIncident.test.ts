import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { FakeItsmServer } from '../__testUtils__/fakeItsmServer';
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
    options: { isDryRun?: boolean; credentials?: any } = {},
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

    expect(fake.requests).toHaveLength(1);
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

    expect(fake.requests).toEqual([]);
    expect(outputs).toEqual({
      id: 'INC-0',
      url: 'https://portal.example.com/itsm/incidents/INC-0',
      priority: 5,
    });
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Dry run: would raise the incident "Card payments time out" on component:default/payments-service',
      ),
    );
  });
});
