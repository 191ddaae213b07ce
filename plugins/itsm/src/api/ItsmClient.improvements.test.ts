import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function response(status: number, body: unknown, type = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 409 ? 'Conflict' : 'OK',
    headers: new Headers({ 'content-type': `${type}; charset=utf-8` }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as Response;
}

function setup(answer: Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => answer,
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new ItsmClient({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch };
}

describe('ItsmClient (improvements)', () => {
  it('lists the register with repeated filters, lowercased refs and the order', async () => {
    const { client, fetch } = setup(
      response(200, { items: [], nextCursor: null }),
    );
    await client.listImprovements({
      entityRef: 'Component:default/Payments-API',
      status: ['proposed', 'approved'],
      source: ['sla_breach'],
      owner: ['Group:default/Team-Payments'],
      verdict: ['achieved', 'none'],
      overdue: true,
      sort: 'score',
      order: 'desc',
      limit: 200,
      cursor: 'c1',
    });
    await client.listImprovements();
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/improvements?entityRef=component%3Adefault%2Fpayments-api&status=proposed&status=approved&source=sla_breach&owner=group%3Adefault%2Fteam-payments&verdict=achieved&verdict=none&overdue=true&sort=score&order=desc&limit=200&cursor=c1`,
      `${baseUrl}/improvements`,
    ]);
  });

  it('downloads the register as CSV with the same filters', async () => {
    const { client, fetch } = setup(
      response(200, 'id,title\nIMP-1,Fewer breaches\n', 'text/csv'),
    );
    const blob = await client.getImprovementsCsv({
      kind: ['corrective_action'],
      sort: 'targetDate',
      order: 'asc',
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(
      `${baseUrl}/improvements/export?kind=corrective_action&sort=targetDate&order=asc`,
    );
    expect(init?.headers).toEqual({ Accept: 'text/csv' });
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(blob.size).toBe('id,title\nIMP-1,Fewer breaches\n'.length);
  });

  it('reads a draft, an item and its history', async () => {
    const { client, fetch } = setup(
      response(200, { items: [], nextCursor: null }),
    );
    await client.getImprovementDraft({
      source: 'service_review',
      sourceId: 'REV-3/A-1',
    });
    await client.getImprovement({ id: 'IMP-4' });
    await client.getImprovementHistory({ id: 'IMP-4', cursor: 'n2' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/improvements/draft?source=service_review&sourceId=REV-3%2FA-1`,
      `${baseUrl}/improvements/IMP-4`,
      `${baseUrl}/improvements/IMP-4/history?cursor=n2`,
    ]);
  });

  it("reads an entity's open and overdue counts", async () => {
    const counts = {
      entityRef: 'component:default/payments-api',
      open: 3,
      overdue: 1,
    };
    const { client, fetch } = setup(response(200, counts));
    await expect(
      client.getImprovementCounts({
        entityRef: 'component:default/payments-api',
      }),
    ).resolves.toEqual(counts);
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/improvement-counts?entityRef=component%3Adefault%2Fpayments-api`,
    ]);
  });

  it('raises without If-Match; edits, moves and measures with it', async () => {
    const { client, fetch } = setup(response(200, { id: 'IMP-1' }));
    await client.createImprovement({
      title: 'Fewer breaches',
      description: 'Page the DBA',
      entityRefs: ['Component:default/Payments-API'],
      owner: 'User:default/Olivia',
      benefit: 4,
      effort: 2,
      urgency: 4,
    });
    await client.updateImprovement({
      id: 'IMP-1',
      version: 2,
      patch: { entityRefs: ['System:default/Payments'], urgency: 5 },
    });
    await client.transitionImprovement({
      id: 'IMP-1',
      version: 3,
      transition: { to: 'rejected', reason: 'Later' },
    });
    await client.evaluateImprovement({ id: 'IMP-1', version: 4 });
    const [
      [createUrl, create],
      [patchUrl, patch],
      [moveUrl, move],
      [evalUrl, evaluate],
    ] = fetch.mock.calls;
    expect(createUrl).toBe(`${baseUrl}/improvements`);
    expect(create?.method).toBe('POST');
    expect(create?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(create?.body))).toMatchObject({
      entityRefs: ['component:default/payments-api'],
      owner: 'user:default/olivia',
    });
    expect(patchUrl).toBe(`${baseUrl}/improvements/IMP-1`);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers).toMatchObject({ 'If-Match': '"2"' });
    expect(JSON.parse(String(patch?.body))).toEqual({
      entityRefs: ['system:default/payments'],
      urgency: 5,
    });
    expect(moveUrl).toBe(`${baseUrl}/improvements/IMP-1/transitions`);
    expect(move?.headers).toMatchObject({ 'If-Match': '"3"' });
    expect(JSON.parse(String(move?.body))).toEqual({
      to: 'rejected',
      reason: 'Later',
    });
    expect(evalUrl).toBe(`${baseUrl}/improvements/IMP-1/evaluation`);
    expect(evaluate?.method).toBe('POST');
    expect(evaluate?.headers).toMatchObject({ 'If-Match': '"4"' });
  });

  it('reports a refused measurement as a 409 with the server message', async () => {
    const { client } = setup(
      response(409, {
        error: {
          name: 'ConflictError',
          message: 'The measurement window is not over yet',
        },
        request: { method: 'POST', url: '/improvements/IMP-1/evaluation' },
        response: { statusCode: 409 },
      }),
    );
    await expect(
      client.evaluateImprovement({ id: 'IMP-1', version: 4 }),
    ).rejects.toMatchObject({
      statusCode: 409,
      body: {
        error: { message: 'The measurement window is not over yet' },
      },
    });
  });
});
