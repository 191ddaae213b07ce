import { ResponseError } from '@backstage/errors';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function response(
  status: number,
  body: string,
  contentType = 'application/json; charset=utf-8',
): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 403 ? 'Forbidden' : 'OK',
    headers: new Headers({ 'content-type': contentType }),
    json: async () => JSON.parse(body),
    text: async () => body,
  } as Response;
}

const jsonResponse = (status: number, body: unknown) =>
  response(status, JSON.stringify(body));

function setup(answer: Response = jsonResponse(200, {})) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => answer,
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const client = new ItsmClient({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch };
}

const page = { items: [], nextCursor: null };

describe('ItsmClient (service level management)', () => {
  it('reads calendars, SLAs, revisions, history and alignment by encoded id', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.listCalendars();
    await client.getCalendar({ id: 'office-hours' });
    await client.listSlas({ entityRef: 'Component:default/Payments-API' });
    await client.listSlas();
    await client.getSla({ id: 'SLA-1' });
    await client.getSlaRevisions({ id: 'SLA-1' });
    await client.getSlaHistory({ id: 'SLA-1', cursor: 'c2' });
    await client.getSlaAlignment({ id: 'SLA/1' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/calendars`,
      `${baseUrl}/calendars/office-hours`,
      `${baseUrl}/slas?entityRef=component%3Adefault%2Fpayments-api`,
      `${baseUrl}/slas`,
      `${baseUrl}/slas/SLA-1`,
      `${baseUrl}/slas/SLA-1/revisions`,
      `${baseUrl}/slas/SLA-1/history?cursor=c2`,
      `${baseUrl}/slas/SLA%2F1/alignment`,
    ]);
  });

  it('creates an SLA as JSON with the service in canonical form', async () => {
    const { client, fetch } = setup(jsonResponse(201, { id: 'SLA-2' }));
    await expect(
      client.createSla({
        entityRef: 'Component:default/Payments-API',
        title: 'Payments',
        calendarId: '24x7',
        targets: { incidents: {}, availabilityPercent: 99.5 },
        effectiveFrom: '2026-12-01T00:00:00.000Z',
      }),
    ).resolves.toEqual({ id: 'SLA-2' });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${baseUrl}/slas`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init?.body as string)).toMatchObject({
      entityRef: 'component:default/payments-api',
      title: 'Payments',
    });
  });

  it('patches an SLA, an agreement, a calendar and a breach with If-Match', async () => {
    const { client, fetch } = setup(jsonResponse(200, {}));
    await client.patchSla({ id: 'SLA-1', version: 3, patch: { title: 'T' } });
    await client.patchSupportingAgreement({
      id: 'OLA-2',
      version: 1,
      patch: { supplier: null },
    });
    await client.patchCalendar({
      id: 'office-hours',
      version: 0,
      patch: { holidays: ['2026-12-24'] },
    });
    await client.patchBreach({
      id: 'BRE-4',
      version: 2,
      patch: {
        waiver: { reason: 'Customer outage', approver: 'user:default/olivia' },
      },
    });
    expect(
      fetch.mock.calls.map(([url, init]) => [
        url,
        init?.method,
        (init?.headers as Record<string, string>)['If-Match'],
        JSON.parse(init?.body as string),
      ]),
    ).toEqual([
      [`${baseUrl}/slas/SLA-1`, 'PATCH', '"3"', { title: 'T' }],
      [
        `${baseUrl}/supporting-agreements/OLA-2`,
        'PATCH',
        '"1"',
        { supplier: null },
      ],
      [
        `${baseUrl}/calendars/office-hours`,
        'PATCH',
        '"0"',
        { holidays: ['2026-12-24'] },
      ],
      [
        `${baseUrl}/breaches/BRE-4`,
        'PATCH',
        '"2"',
        {
          waiver: {
            reason: 'Customer outage',
            approver: 'user:default/olivia',
          },
        },
      ],
    ]);
  });

  it('lists supporting agreements and breaches with their filters', async () => {
    const { client, fetch } = setup(jsonResponse(200, page));
    await client.listSupportingAgreements({
      entityRef: 'Component:default/Payments-API',
      slaId: 'SLA-1',
      kind: 'uc',
      limit: 10,
    });
    await client.getSupportingAgreement({ id: 'UC-3' });
    await client.getSupportingAgreementRevisions({ id: 'UC-3' });
    await client.listBreaches({
      entityRef: 'Component:default/Payments-API',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      waived: false,
      cursor: 'n1',
    });
    await client.getBreach({ id: 'BRE-1' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/supporting-agreements?entityRef=component%3Adefault%2Fpayments-api&slaId=SLA-1&kind=uc&limit=10`,
      `${baseUrl}/supporting-agreements/UC-3`,
      `${baseUrl}/supporting-agreements/UC-3/revisions`,
      `${baseUrl}/breaches?entityRef=component%3Adefault%2Fpayments-api&from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&waived=false&cursor=n1`,
      `${baseUrl}/breaches/BRE-1`,
    ]);
  });

  it('asks for the SLA report as JSON and as CSV text in a Blob', async () => {
    const options = {
      entityRef: 'Component:default/Payments-API',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    };
    const url = `${baseUrl}/reports/sla?entityRef=component%3Adefault%2Fpayments-api&from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z`;

    const json = setup(jsonResponse(200, { entityRef: 'x' }));
    await expect(json.client.getSlaReport(options)).resolves.toEqual({
      entityRef: 'x',
    });
    expect(json.fetch).toHaveBeenCalledWith(url, undefined);

    const csv = setup(response(200, 'target,met\np1.response,3\n', 'text/csv'));
    const blob = await csv.client.getSlaReportCsv(options);
    expect(csv.fetch).toHaveBeenCalledWith(url, {
      headers: { Accept: 'text/csv' },
    });
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe('target,met\np1.response,3\n');
  });

  it('throws a ResponseError with the server message on a failed write or download', async () => {
    const denied = jsonResponse(403, {
      error: {
        name: 'NotAllowedError',
        message:
          'Only the owners of component:default/payments-api may do this',
      },
      response: { statusCode: 403 },
    });
    const { client } = setup(denied);
    const error = await client
      .createSla({
        entityRef: 'component:default/payments-api',
        title: 'T',
        calendarId: '24x7',
        targets: { incidents: {}, availabilityPercent: 99 },
        effectiveFrom: '2026-12-01T00:00:00.000Z',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toMatch(/Only the owners/);
    await expect(
      client.getSlaReportCsv({
        entityRef: 'component:default/payments-api',
        from: 'a',
        to: 'b',
      }),
    ).rejects.toBeInstanceOf(ResponseError);
  });
});
