import { ResponseError } from '@backstage/errors';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function jsonResponse(status: number, body?: unknown): Response {
  const text = body === undefined ? '' : JSON.stringify(body);
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
  return { client, fetch };
}

const link = {
  id: 'lnk-1',
  from: 'INC-7',
  to: 'CHG-3',
  relation: 'caused_by',
  direction: 'outgoing',
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'user:default/alice',
};

describe('ItsmClient generic record methods', () => {
  it('lists a collection with its query, arrays repeated and empty values left out', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.listRecords({
      collection: 'supporting-agreements',
      query: {
        kind: 'ola',
        status: ['a', 'b'],
        q: '',
        limit: 5,
        cursor: undefined,
      },
    });
    await client.listRecords({ collection: 'calendars' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/supporting-agreements?kind=ola&status=a&status=b&limit=5`,
      `${baseUrl}/calendars`,
    ]);
  });

  it('reads one record and its history with an encoded id', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.getRecord({ collection: 'breaches', id: 'BRE 1' });
    await client.getRecordHistory({ collection: 'slas', id: 'SLA-2' });
    await client.getRecordHistory({
      collection: 'changes',
      id: 'CHG-3',
      cursor: 'c=',
    });
    expect(fetch.mock.calls).toEqual([
      [`${baseUrl}/breaches/BRE%201`, undefined],
      [`${baseUrl}/slas/SLA-2/history`, undefined],
      [`${baseUrl}/changes/CHG-3/history?cursor=c%3D`, undefined],
    ]);
  });

  it('creates with a JSON POST and no If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(201, { id: 'STD-1' }));
    await expect(
      client.createRecord({
        collection: 'change-templates',
        body: { title: 'Restart' },
      }),
    ).resolves.toEqual({ id: 'STD-1' });
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/change-templates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"Restart"}',
    });
  });

  it('patches and transitions with the version as If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'INC-7' }));
    await client.patchRecord({
      collection: 'incidents',
      id: 'INC-7',
      version: 4,
      patch: { title: 'x' },
    });
    await client.transitionRecord({
      collection: 'changes',
      id: 'CHG-3',
      version: 9,
      transition: { to: 'scheduled' },
    });
    expect(fetch.mock.calls).toEqual([
      [
        `${baseUrl}/incidents/INC-7`,
        {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': '"4"' },
          body: '{"title":"x"}',
        },
      ],
      [
        `${baseUrl}/changes/CHG-3/transitions`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'If-Match': '"9"' },
          body: '{"to":"scheduled"}',
        },
      ],
    ]);
  });

  it('keeps the practice methods on the same paths as the generic ones', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'BRE-1' }));
    await client.patchBreach({
      id: 'BRE-1',
      version: 2,
      patch: { cause: 'x' },
    });
    await client.getChangeTemplate({ id: 'STD-4' });
    expect(fetch.mock.calls).toEqual([
      [
        `${baseUrl}/breaches/BRE-1`,
        {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': '"2"' },
          body: '{"cause":"x"}',
        },
      ],
      [`${baseUrl}/change-templates/STD-4`, undefined],
    ]);
  });
});

describe('ItsmClient record links', () => {
  it('lists the links of a record with limit and cursor', async () => {
    const page = { items: [link], nextCursor: 'n' };
    const { client, fetch } = setup(jsonResponse(200, page));
    await expect(
      client.listLinks({ collection: 'incidents', id: 'INC-7' }),
    ).resolves.toEqual(page);
    await client.listLinks({
      collection: 'supporting-agreements',
      id: 'OLA-1',
      limit: 20,
      cursor: 'n',
    });
    expect(fetch.mock.calls).toEqual([
      [`${baseUrl}/incidents/INC-7/links`, undefined],
      [
        `${baseUrl}/supporting-agreements/OLA-1/links?limit=20&cursor=n`,
        undefined,
      ],
    ]);
  });

  it('adds a link as a JSON POST of the other record and the relation', async () => {
    const { client, fetch } = setup(jsonResponse(201, link));
    await expect(
      client.addLink({
        collection: 'incidents',
        id: 'INC-7',
        link: { to: 'CHG-3', relation: 'caused_by' },
      }),
    ).resolves.toEqual(link);
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/incidents/INC-7/links`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"to":"CHG-3","relation":"caused_by"}',
    });
  });

  it('removes a link with a DELETE and reads no body from the 204', async () => {
    const { client, fetch } = setup(jsonResponse(204));
    await expect(
      client.removeLink({
        collection: 'changes',
        id: 'CHG-3',
        linkId: 'lnk/1',
      }),
    ).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/changes/CHG-3/links/lnk%2F1`,
      { method: 'DELETE' },
    );
  });

  it('throws the server error of a failed link request', async () => {
    const { client } = setup(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No incident INC-9' },
      }),
    );
    const error = await client
      .listLinks({ collection: 'incidents', id: 'INC-9' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
  });
});
