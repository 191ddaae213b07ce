import { ResponseError } from '@backstage/errors';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 412 ? 'Precondition Failed' : 'OK',
    headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as Response;
}

function setup(response: Response = jsonResponse(200, {})) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response,
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new ItsmClient({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch };
}

const json = { 'Content-Type': 'application/json' };
const page = { items: [], nextCursor: null };

describe('ItsmClient (problems and known errors)', () => {
  it('lists problems with repeated filters and lowercased entity refs', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));

    await client.listProblems({
      entityRef: 'Component:default/Payments-API',
      status: ['candidate', 'new'],
      origin: ['trend'],
      priority: [1, 2],
      q: 'pool',
      limit: 200,
    });
    await client.listProblems();

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/problems?entityRef=component%3Adefault%2Fpayments-api&status=candidate&status=new&origin=trend&priority=1&priority=2&q=pool&limit=200`,
      `${baseUrl}/problems`,
    ]);
  });

  it('reads a problem, its history, incidents and effectiveness by encoded id', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.getProblem({ id: 'PRB-3' });
    await client.getProblemHistory({ id: 'PRB-3', cursor: 'n2' });
    await client.listProblemIncidents({ id: 'PRB-3' });
    await client.getProblemEffectiveness({ id: 'PRB/../1' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/problems/PRB-3`,
      `${baseUrl}/problems/PRB-3/history?cursor=n2`,
      `${baseUrl}/problems/PRB-3/incidents`,
      `${baseUrl}/problems/PRB%2F..%2F1/effectiveness`,
    ]);
  });

  it('creates a problem with lowercased entity refs and no If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(201, { id: 'PRB-4' }));
    await client.createProblem({
      title: 'Pool exhaustion',
      entityRefs: ['Component:default/Payments-API'],
      impact: 2,
      urgency: 2,
      incidentIds: ['INC-1'],
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/problems`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual(json);
    expect(JSON.parse(init?.body as string)).toEqual({
      title: 'Pool exhaustion',
      entityRefs: ['component:default/payments-api'],
      impact: 2,
      urgency: 2,
      incidentIds: ['INC-1'],
    });
  });

  it('edits and moves a problem with the version as If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'PRB-1' }));
    await client.updateProblem({
      id: 'PRB-1',
      version: 4,
      patch: { rcaMethod: 'five_whys' },
    });
    await client.transitionProblem({
      id: 'PRB-1',
      version: 5,
      transition: { to: 'cancelled', cancelReason: 'Noise' },
    });
    const [[patchUrl, patch], [moveUrl, move]] = fetch.mock.calls;
    expect(patchUrl).toBe(`${baseUrl}/problems/PRB-1`);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers).toEqual({ ...json, 'If-Match': '"4"' });
    expect(JSON.parse(patch?.body as string)).toEqual({
      rcaMethod: 'five_whys',
    });
    expect(moveUrl).toBe(`${baseUrl}/problems/PRB-1/transitions`);
    expect(move?.method).toBe('POST');
    expect(move?.headers).toEqual({ ...json, 'If-Match': '"5"' });
    expect(JSON.parse(move?.body as string)).toEqual({
      to: 'cancelled',
      cancelReason: 'Noise',
    });
  });

  it('links an incident to a problem with the reason, and runs the detection', async () => {
    const { client, fetch } = setup(jsonResponse(201, { proposed: [] }));
    await client.linkProblemIncident({
      id: 'PRB-1',
      incidentId: 'INC-9',
      reason: 'Same pool',
    });
    await client.runProblemDetection();
    const [[linkUrl, link], [runUrl, run]] = fetch.mock.calls;
    expect(linkUrl).toBe(`${baseUrl}/problems/PRB-1/incidents`);
    expect(JSON.parse(link?.body as string)).toEqual({
      incidentId: 'INC-9',
      reason: 'Same pool',
    });
    expect(runUrl).toBe(`${baseUrl}/problem-detection/runs`);
    expect(run?.method).toBe('POST');
  });

  it('reads and writes known errors', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.listKnownErrors({
      entityRef: ['Component:default/Payments-API'],
      status: ['active'],
      limit: 200,
    });
    await client.getKnownError({ id: 'KE-2' });
    await client.getKnownErrorHistory({ id: 'KE-2' });
    await client.createKnownError({
      title: 'Pool',
      symptom: 'Timeouts',
      workaround: 'Restart',
      entityRefs: ['Component:default/Payments-API'],
      problemId: 'PRB-1',
    });
    await client.updateKnownError({
      id: 'KE-2',
      version: 2,
      patch: { reviewBy: '2027-01-01' },
    });
    await client.transitionKnownError({
      id: 'KE-2',
      version: 3,
      transition: { to: 'retired' },
    });
    const calls = fetch.mock.calls;
    expect(calls.map(call => call[0])).toEqual([
      `${baseUrl}/known-errors?entityRef=component%3Adefault%2Fpayments-api&status=active&limit=200`,
      `${baseUrl}/known-errors/KE-2`,
      `${baseUrl}/known-errors/KE-2/history`,
      `${baseUrl}/known-errors`,
      `${baseUrl}/known-errors/KE-2`,
      `${baseUrl}/known-errors/KE-2/transitions`,
    ]);
    expect(JSON.parse(calls[3][1]?.body as string).entityRefs).toEqual([
      'component:default/payments-api',
    ]);
    expect(calls[4][1]?.headers).toEqual({ ...json, 'If-Match': '"2"' });
    expect(calls[5][1]?.headers).toEqual({ ...json, 'If-Match': '"3"' });
  });

  it('matches known errors for an incident being reported and records their use', async () => {
    const { client, fetch } = setup(jsonResponse(200, { items: [] }));
    await client.matchKnownErrors({
      entityRef: 'Component:default/Payments-API',
      text: 'connection pool exhausted',
      category: 'database',
      limit: 5,
    });
    await client.recordKnownErrorUse({
      id: 'KE-2',
      incidentId: 'INC-7',
      kind: 'applied',
    });
    const [[matchUrl], [useUrl, use]] = fetch.mock.calls;
    expect(matchUrl).toBe(
      `${baseUrl}/known-errors/matches?entityRef=component%3Adefault%2Fpayments-api&text=connection+pool+exhausted&category=database&limit=5`,
    );
    expect(useUrl).toBe(`${baseUrl}/known-errors/KE-2/uses`);
    expect(use?.headers).toEqual(json);
    expect(JSON.parse(use?.body as string)).toEqual({
      incidentId: 'INC-7',
      kind: 'applied',
    });
  });

  it('reads the incident trend as JSON and as a CSV blob', async () => {
    const { client, fetch } = setup(jsonResponse(200, { rows: [] }));
    await client.getIncidentTrends({ groupBy: 'entity', interval: 'week' });
    const blob = await client.getIncidentTrendsCsv({
      groupBy: 'entity',
      interval: 'week',
    });
    const [[jsonUrl], [csvUrl, csv]] = fetch.mock.calls;
    expect(jsonUrl).toBe(
      `${baseUrl}/reports/incident-trends?groupBy=entity&interval=week`,
    );
    expect(csvUrl).toBe(jsonUrl);
    expect(csv?.headers).toEqual({ Accept: 'text/csv' });
    expect(blob.type).toBe('text/csv;charset=utf-8');
  });

  it('reports a stale version as a ResponseError with status 412', async () => {
    const { client } = setup(
      jsonResponse(412, {
        error: { name: 'PreconditionFailedError', message: 'stale' },
        response: { statusCode: 412 },
      }),
    );
    const write = client.updateProblem({
      id: 'PRB-1',
      version: 1,
      patch: { rootCause: 'x' },
    });
    await expect(write).rejects.toBeInstanceOf(ResponseError);
    await expect(write).rejects.toMatchObject({ statusCode: 412 });
  });
});
