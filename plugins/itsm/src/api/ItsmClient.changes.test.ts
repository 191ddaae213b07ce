import { ResponseError } from '@backstage/errors';
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

describe('ItsmClient (changes)', () => {
  it('lists changes with repeated filters, lowercased entity refs and order', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));

    await client.listChanges({
      entityRef: 'Component:default/Payments-API',
      status: ['scheduled', 'implementing'],
      type: ['normal'],
      risk: ['high', 'medium'],
      requester: 'user:default/guest',
      q: 'db upgrade',
      limit: 20,
      cursor: 'c1=',
      order: 'asc',
    });
    await client.listChanges();

    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/changes?entityRef=component%3Adefault%2Fpayments-api&status=scheduled&status=implementing&type=normal&risk=high&risk=medium&requester=user%3Adefault%2Fguest&q=db+upgrade&limit=20&cursor=c1%3D&order=asc`,
      `${baseUrl}/changes`,
    ]);
  });

  it('reads a change and its history by encoded id', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.getChange({ id: 'CHG-3' });
    await client.getChangeHistory({ id: 'CHG-3', cursor: 'n2' });
    await client.getChangeHistory({ id: 'CHG/../1' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/changes/CHG-3`,
      `${baseUrl}/changes/CHG-3/history?cursor=n2`,
      `${baseUrl}/changes/CHG%2F..%2F1/history`,
    ]);
  });

  it('creates a change as JSON without If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(201, { id: 'CHG-4' }));
    const request = {
      type: 'normal' as const,
      title: 'Upgrade Postgres',
      entityRefs: ['component:default/payments-api'],
    };
    await expect(client.createChange(request)).resolves.toEqual({
      id: 'CHG-4',
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/changes`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual(json);
    expect(JSON.parse(init?.body as string)).toEqual(request);
  });

  it('patches and moves a change with If-Match carrying the version it read', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'CHG-4' }));

    await client.patchChange({
      id: 'CHG-4',
      version: 3,
      patch: { backoutPlan: 'Restore the snapshot' },
    });
    await client.transitionChange({
      id: 'CHG-4',
      version: 4,
      transition: { to: 'implementing', actualStart: '2026-05-04T10:00:00Z' },
    });

    const [patchUrl, patchInit] = fetch.mock.calls[0];
    expect(patchUrl).toBe(`${baseUrl}/changes/CHG-4`);
    expect(patchInit?.method).toBe('PATCH');
    expect(patchInit?.headers).toEqual({ ...json, 'If-Match': '"3"' });
    expect(JSON.parse(patchInit?.body as string)).toEqual({
      backoutPlan: 'Restore the snapshot',
    });
    const [moveUrl, moveInit] = fetch.mock.calls[1];
    expect(moveUrl).toBe(`${baseUrl}/changes/CHG-4/transitions`);
    expect(moveInit?.method).toBe('POST');
    expect(moveInit?.headers).toEqual({ ...json, 'If-Match': '"4"' });
    expect(JSON.parse(moveInit?.body as string)).toEqual({
      to: 'implementing',
      actualStart: '2026-05-04T10:00:00Z',
    });
  });

  it('posts a decision without If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'CHG-4' }));
    await client.decideChange({
      id: 'CHG-4',
      decision: 'reject',
      comment: 'No backout test',
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/changes/CHG-4/approvals`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual(json);
    expect(JSON.parse(init?.body as string)).toEqual({
      decision: 'reject',
      comment: 'No backout test',
    });
  });

  it('posts an assessment with canonical entity refs', async () => {
    const { client, fetch } = setup(jsonResponse(200, { risk: 'low' }));
    await client.assessChange({
      type: 'normal',
      entityRefs: ['Component:default/Payments-API'],
      riskAnswers: { tested: 'yes' },
      plannedStart: '2026-05-04T10:00:00.000Z',
      plannedEnd: '2026-05-04T11:00:00.000Z',
    });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/change-assessments`);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({
      type: 'normal',
      entityRefs: ['component:default/payments-api'],
      riskAnswers: { tested: 'yes' },
      plannedStart: '2026-05-04T10:00:00.000Z',
      plannedEnd: '2026-05-04T11:00:00.000Z',
    });
  });

  it('reads the approval queue, the calendar with its filters and the stats', async () => {
    const { client, fetch } = setup(jsonResponse(200, { items: [] }));
    await client.getApprovalQueue();
    await client.getChangeCalendar({
      from: '2026-05-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
      owner: ['group:default/Platform-Team'],
      system: ['system:default/payments', 'system:default/shop'],
    });
    await client.getChangeStats({
      entityRef: 'component:default/payments-api',
      days: 30,
    });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/approval-queue`,
      `${baseUrl}/change-calendar?from=2026-05-01T00%3A00%3A00.000Z&to=2026-06-01T00%3A00%3A00.000Z&owner=group%3Adefault%2Fplatform-team&system=system%3Adefault%2Fpayments&system=system%3Adefault%2Fshop`,
      `${baseUrl}/change-stats?entityRef=component%3Adefault%2Fpayments-api&days=30`,
    ]);
  });

  it('lists, reads, creates and patches change templates', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.listChangeTemplates({
      entityRef: 'component:default/payments-api',
      active: true,
    });
    await client.listChangeTemplates();
    await client.getChangeTemplate({ id: 'STD-2' });
    await client.createChangeTemplate({
      title: 'Rotate certificates',
      owner: 'group:default/platform-team',
      implementationPlan: 'a',
      backoutPlan: 'b',
      testPlan: 'c',
    });
    await client.patchChangeTemplate({
      id: 'STD-2',
      version: 2,
      patch: { active: false },
    });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/change-templates?entityRef=component%3Adefault%2Fpayments-api&active=true`,
      `${baseUrl}/change-templates`,
      `${baseUrl}/change-templates/STD-2`,
      `${baseUrl}/change-templates`,
      `${baseUrl}/change-templates/STD-2`,
    ]);
    expect(fetch.mock.calls[3][1]?.method).toBe('POST');
    expect(fetch.mock.calls[4][1]?.method).toBe('PATCH');
    expect(fetch.mock.calls[4][1]?.headers).toEqual({
      ...json,
      'If-Match': '"2"',
    });
  });

  it('lists the incidents a change caused', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.listIncidents({ causedByChangeId: 'CHG-4' });
    expect(fetch.mock.calls[0][0]).toBe(
      `${baseUrl}/incidents?causedByChangeId=CHG-4`,
    );
  });

  it('reports a vote outside authorization as a ResponseError with status 409', async () => {
    const { client } = setup(
      jsonResponse(409, {
        error: { name: 'ConflictError', message: 'CHG-4 is scheduled' },
        request: { method: 'POST', url: '/api/itsm/changes/CHG-4/approvals' },
        response: { statusCode: 409 },
      }),
    );
    const error = await client
      .decideChange({ id: 'CHG-4', decision: 'approve' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ statusCode: 409 });
  });
});
