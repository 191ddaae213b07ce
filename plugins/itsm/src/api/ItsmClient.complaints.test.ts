import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: 'OK',
    headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
    json: async () => JSON.parse(text),
    text: async () => text,
  } as Response;
}

function setup(response: Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response,
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new ItsmClient({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch };
}

const json = { 'Content-Type': 'application/json' };

describe('ItsmClient (complaints)', () => {
  it('lists complaints with repeated filters and lowercased refs', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.listComplaints({
      entityRef: 'Component:default/Payments-Service',
      status: ['open', 'investigating'],
      owner: ['Group:default/Payments-Team'],
      complainant: ['user:default/Daniel.Kim'],
      limit: 20,
      cursor: 'c1',
    });
    await client.listComplaints();
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/complaints?entityRef=component%3Adefault%2Fpayments-service&status=open&status=investigating&owner=group%3Adefault%2Fpayments-team&complainant=user%3Adefault%2Fdaniel.kim&limit=20&cursor=c1`,
      `${baseUrl}/complaints`,
    ]);
  });

  it('reads a complaint and its history by encoded id', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.getComplaint({ id: 'CMP-3' });
    await client.getComplaintHistory({ id: 'CMP/3', cursor: 'n2' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/complaints/CMP-3`,
      `${baseUrl}/complaints/CMP%2F3/history?cursor=n2`,
    ]);
  });

  it('raises a complaint without If-Match, and edits and moves one with it', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'CMP-1' }));
    await client.createComplaint({
      title: 'Charged twice',
      description: 'Order 4711',
      entityRef: 'Component:default/Payments-Service',
    });
    await client.updateComplaint({
      id: 'CMP-1',
      version: 2,
      patch: { owner: 'user:default/sofia.rossi' },
    });
    await client.transitionComplaint({
      id: 'CMP-1',
      version: 3,
      transition: { to: 'resolved', response: 'Refunded' },
    });
    const [[createUrl, create], [patchUrl, patch], [moveUrl, move]] =
      fetch.mock.calls;
    expect(createUrl).toBe(`${baseUrl}/complaints`);
    expect(create?.method).toBe('POST');
    expect(create?.headers).toEqual(json);
    expect(JSON.parse(create?.body as string)).toEqual({
      title: 'Charged twice',
      description: 'Order 4711',
      entityRef: 'component:default/payments-service',
    });
    expect(patchUrl).toBe(`${baseUrl}/complaints/CMP-1`);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers).toEqual({ ...json, 'If-Match': '"2"' });
    expect(moveUrl).toBe(`${baseUrl}/complaints/CMP-1/transitions`);
    expect(move?.headers).toEqual({ ...json, 'If-Match': '"3"' });
    expect(JSON.parse(move?.body as string)).toEqual({
      to: 'resolved',
      response: 'Refunded',
    });
  });
});
