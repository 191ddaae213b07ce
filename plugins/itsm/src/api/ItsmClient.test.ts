import { ResponseError } from '@backstage/errors';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? 'Not Found' : 'OK',
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
  return { client, fetch, discoveryApi };
}

describe('ItsmClient', () => {
  it('asks for the service health of a lowercased, encoded entity ref', async () => {
    const health = { entityRef: 'component:default/payments-api' };
    const { client, fetch, discoveryApi } = setup(jsonResponse(200, health));

    await expect(
      client.getServiceHealth({ entityRef: 'component:default/Payments-API' }),
    ).resolves.toEqual(health);

    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('itsm');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/service-health?entityRef=component%3Adefault%2Fpayments-api`,
      undefined,
    );
  });

  it('repeats the status parameter and passes limit and cursor', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );

    await expect(
      client.listIncidents({
        entityRef: 'Component:default/payments-api',
        status: ['new', 'in_progress'],
        limit: 50,
        cursor: 'abc=',
      }),
    ).resolves.toEqual({ items: [], nextCursor: null });

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/incidents?entityRef=component%3Adefault%2Fpayments-api&status=new&status=in_progress&limit=50&cursor=abc%3D`,
    );
  });

  it('sends the priority, major and free-text filters', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );

    await client.listIncidents({
      priority: [1, 2],
      major: true,
      q: 'card 502',
    });

    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/incidents?priority=1&priority=2&major=true&q=card+502`,
    );
  });

  it('lists all incidents without a query string', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.listIncidents();
    expect(fetch.mock.calls[0][0]).toBe(`${baseUrl}/incidents`);
  });

  it('reads an incident and its history by encoded id', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.getIncident({ id: 'INC-42' });
    await client.getIncidentHistory({ id: 'INC-42', cursor: 'c2' });
    await client.getIncidentHistory({ id: 'INC/../1' });

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/incidents/INC-42`,
      `${baseUrl}/incidents/INC-42/history?cursor=c2`,
      `${baseUrl}/incidents/INC%2F..%2F1/history`,
    ]);
  });

  it('posts a new incident as JSON', async () => {
    const { client, fetch } = setup(jsonResponse(201, { id: 'INC-43' }));
    const request = {
      title: 'Checkout fails',
      description: 'Card payments return 502',
      entityRef: 'component:default/payments-api',
      impact: 1 as const,
      urgency: 2 as const,
    };

    await expect(client.createIncident(request)).resolves.toEqual({
      id: 'INC-43',
    });

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/incidents`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init?.body as string)).toEqual(request);
  });

  it('asks for my queue together with the status filter', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.listIncidents({
      queue: 'mine',
      status: ['new', 'in_progress', 'on_hold'],
      limit: 100,
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/incidents?status=new&status=in_progress&status=on_hold&queue=mine&limit=100`,
    );
  });

  it('patches an incident with If-Match carrying the version it read', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'INC-7' }));

    await client.patchIncident({
      id: 'INC-7',
      version: 4,
      patch: { impact: 1, assignee: null },
    });

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/incidents/INC-7`);
    expect(init?.method).toBe('PATCH');
    expect(init?.headers).toEqual({
      'Content-Type': 'application/json',
      'If-Match': '"4"',
    });
    expect(JSON.parse(init?.body as string)).toEqual({
      impact: 1,
      assignee: null,
    });
  });

  it('posts a transition with If-Match and the fields the move requires', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'INC-7' }));

    await client.transitionIncident({
      id: 'INC-7',
      version: 2,
      transition: {
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Restarted the pool',
      },
    });

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/incidents/INC-7/transitions`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({
      'Content-Type': 'application/json',
      'If-Match': '"2"',
    });
    expect(JSON.parse(init?.body as string)).toEqual({
      to: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Restarted the pool',
    });
  });

  it('posts work notes and status updates without If-Match', async () => {
    const { client, fetch } = setup(
      jsonResponse(201, { version: 3, action: 'work_note' }),
    );

    await client.addWorkNote({ id: 'INC-7', text: 'Paged the DBA' });
    await client.addStatusUpdate({ id: 'INC-7', text: 'Payments recovering' });

    const [noteUrl, noteInit] = fetch.mock.calls[0];
    expect(noteUrl).toBe(`${baseUrl}/incidents/INC-7/work-notes`);
    expect(noteInit?.method).toBe('POST');
    expect(noteInit?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(noteInit?.body as string)).toEqual({
      text: 'Paged the DBA',
    });
    const [updateUrl, updateInit] = fetch.mock.calls[1];
    expect(updateUrl).toBe(`${baseUrl}/incidents/INC-7/updates`);
    expect(JSON.parse(updateInit?.body as string)).toEqual({
      text: 'Payments recovering',
    });
  });

  it('asks for the impact of a canonical entity ref with direction and depth', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, {
        entityRef: 'component:default/payments-api',
        direction: 'downstream',
        depth: 3,
        items: [],
      }),
    );

    await client.getImpact({
      entityRef: 'Component:default/Payments-API',
      direction: 'downstream',
      depth: 3,
    });
    await client.getImpact({ entityRef: 'component:default/payments-api' });

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/impact?entityRef=component%3Adefault%2Fpayments-api&direction=downstream&depth=3`,
      `${baseUrl}/impact?entityRef=component%3Adefault%2Fpayments-api`,
    ]);
  });

  it('reports a stale version as a ResponseError with status 412', async () => {
    const { client } = setup(
      jsonResponse(412, {
        error: {
          name: 'PreconditionFailedError',
          message: 'INC-7 is at version 5, not 4',
        },
        request: { method: 'PATCH', url: '/api/itsm/incidents/INC-7' },
        response: { statusCode: 412 },
      }),
    );

    const error = await client
      .patchIncident({ id: 'INC-7', version: 4, patch: { urgency: 1 } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      statusCode: 412,
      cause: { name: 'PreconditionFailedError' },
    });
  });

  it('throws a ResponseError carrying the server error on a 404', async () => {
    const { client } = setup(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No incident INC-404' },
        request: { method: 'GET', url: '/api/itsm/incidents/INC-404' },
        response: { statusCode: 404 },
      }),
    );

    const error = await client
      .getIncident({ id: 'INC-404' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      statusCode: 404,
      cause: { name: 'NotFoundError', message: 'No incident INC-404' },
    });
  });
});
