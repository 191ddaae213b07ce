import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function setup(body: unknown = {}) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      ({
        ok: true,
        status: 200,
        headers: new Headers({ 'content-type': 'application/json' }),
        json: async () => body,
      } as Response),
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  return {
    client: new ItsmClient({ discoveryApi, fetchApi: { fetch } }),
    fetch,
  };
}

describe('ItsmClient (satisfaction)', () => {
  it('reads figures, the summary, invitations, campaigns and templates', async () => {
    const { client, fetch } = setup({ items: [], nextCursor: null });
    await client.getSatisfaction({ entityRef: 'Component:default/Payments' });
    await client.getSatisfactionSummary({
      entityRef: 'component:default/payments',
    });
    await client.listSurveyInvitations({ incidentId: 'INC-7', state: 'all' });
    await client.listSurveys({
      entityRef: 'Component:default/Payments',
      status: ['open', 'draft'],
    });
    await client.listSurveyTemplates();
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/satisfaction?entityRef=component%3Adefault%2Fpayments`,
      `${baseUrl}/satisfaction/summary?entityRef=component%3Adefault%2Fpayments`,
      `${baseUrl}/survey-invitations?incidentId=INC-7&state=all`,
      `${baseUrl}/surveys?entityRef=component%3Adefault%2Fpayments&status=open&status=draft`,
      `${baseUrl}/survey-templates`,
    ]);
  });

  it('answers a campaign or an incident, and moves a campaign with If-Match', async () => {
    const { client, fetch } = setup();
    const response = { answers: { overall: 4 } };
    await client.respondToSurvey({
      source: { type: 'campaign', id: 'SUR-4' },
      response,
    });
    await client.respondToSurvey({
      source: { type: 'incident', id: 'INC-7' },
      response,
    });
    await client.transitionSurvey({
      id: 'SUR-4',
      version: 3,
      transition: { to: 'closed' },
    });
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [`${baseUrl}/surveys/SUR-4/responses`, 'POST'],
      [`${baseUrl}/incidents/INC-7/satisfaction`, 'POST'],
      [`${baseUrl}/surveys/SUR-4/transitions`, 'POST'],
    ]);
    expect(fetch.mock.calls[2][1]?.headers).toMatchObject({
      'If-Match': '"3"',
    });
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual(response);
  });
});
