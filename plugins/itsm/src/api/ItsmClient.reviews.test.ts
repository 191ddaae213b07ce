import { ResponseError } from '@backstage/errors';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 403 ? 'Forbidden' : 'OK',
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

describe('ItsmClient (service reviews)', () => {
  it('lists reviews with repeated filters and lowercased refs', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.listReviews({
      entityRef: 'Component:default/Payments-Service',
      status: ['scheduled', 'prepared'],
      overdue: true,
      slaId: 'SLA-2',
      limit: 20,
      cursor: 'c1',
      order: 'asc',
    });
    await client.listReviews();
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/reviews?entityRef=component%3Adefault%2Fpayments-service&status=scheduled&status=prepared&overdue=true&slaId=SLA-2&limit=20&cursor=c1&order=asc`,
      `${baseUrl}/reviews`,
    ]);
  });

  it('reads a review and its history by encoded id', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.getReview({ id: 'REV-3' });
    await client.getReviewHistory({ id: 'REV/3', cursor: 'n2' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/reviews/REV-3`,
      `${baseUrl}/reviews/REV%2F3/history?cursor=n2`,
    ]);
  });

  it('schedules a review without If-Match, and edits and moves one with it', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'REV-1' }));
    await client.createReview({
      entityRef: 'Component:default/Payments-Service',
      scheduledFor: '2027-04-01T09:00:00.000Z',
      attendees: ['User:default/Sofia.Rossi'],
    });
    await client.updateReview({
      id: 'REV-1',
      version: 2,
      patch: { minutes: 'We met', decisions: [{ text: 'Raise the limit' }] },
    });
    await client.transitionReview({
      id: 'REV-1',
      version: 3,
      transition: { to: 'held', heldAt: '2027-04-01T10:00:00.000Z' },
    });
    const [[createUrl, create], [patchUrl, patch], [moveUrl, move]] =
      fetch.mock.calls;
    expect(createUrl).toBe(`${baseUrl}/reviews`);
    expect(create?.method).toBe('POST');
    expect(create?.headers).toEqual(json);
    expect(JSON.parse(create?.body as string)).toEqual({
      entityRef: 'component:default/payments-service',
      scheduledFor: '2027-04-01T09:00:00.000Z',
      attendees: ['user:default/sofia.rossi'],
    });
    expect(patchUrl).toBe(`${baseUrl}/reviews/REV-1`);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers).toEqual({ ...json, 'If-Match': '"2"' });
    expect(JSON.parse(patch?.body as string)).toEqual({
      minutes: 'We met',
      decisions: [{ text: 'Raise the limit' }],
    });
    expect(moveUrl).toBe(`${baseUrl}/reviews/REV-1/transitions`);
    expect(move?.headers).toEqual({ ...json, 'If-Match': '"3"' });
    expect(JSON.parse(move?.body as string)).toEqual({
      to: 'held',
      heldAt: '2027-04-01T10:00:00.000Z',
    });
  });

  it('freezes the pack with If-Match and signs off without it', async () => {
    const { client, fetch } = setup(jsonResponse(200, { id: 'REV-4' }));
    await client.freezeReviewPack({ id: 'REV-4', version: 5 });
    await client.signOffReview({ id: 'REV-4', comment: 'Agreed' });
    const [[freezeUrl, freeze], [signUrl, sign]] = fetch.mock.calls;
    expect(freezeUrl).toBe(`${baseUrl}/reviews/REV-4/pack`);
    expect(freeze?.method).toBe('POST');
    expect(freeze?.headers).toEqual({ ...json, 'If-Match': '"5"' });
    expect(JSON.parse(freeze?.body as string)).toEqual({});
    expect(signUrl).toBe(`${baseUrl}/reviews/REV-4/sign-off`);
    expect(sign?.method).toBe('POST');
    expect(sign?.headers).toEqual(json);
    expect(JSON.parse(sign?.body as string)).toEqual({ comment: 'Agreed' });
  });

  it("reports a refused sign-off as a ResponseError with the server's words", async () => {
    const { client } = setup(
      jsonResponse(403, {
        error: {
          name: 'NotAllowedError',
          message:
            'Only a member of the customer groups of SLA-2 (group:default/retail) may sign the review off',
        },
        response: { statusCode: 403 },
      }),
    );
    const error: ResponseError = await client
      .signOffReview({ id: 'REV-4' })
      .then(
        () => {
          throw new Error('expected a 403');
        },
        e => e,
      );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toMatch(/customer groups of SLA-2/);
  });

  it("reads, records and moves a review's actions, each move at the action's own version", async () => {
    const { client, fetch } = setup(jsonResponse(200, { items: [] }));
    await client.listActionsOfReview({ id: 'REV-4' });
    await client.createReviewAction({
      reviewId: 'REV-4',
      action: {
        title: 'Raise the pool size',
        owner: 'User:default/Sofia.Rossi',
        dueDate: '2027-05-01',
      },
    });
    await client.updateReviewAction({
      reviewId: 'REV-4',
      number: 2,
      version: 3,
      patch: { status: 'dropped', note: 'Superseded by CHG-9' },
    });
    const [[listUrl], [createUrl, create], [patchUrl, patch]] =
      fetch.mock.calls;
    expect(listUrl).toBe(`${baseUrl}/reviews/REV-4/actions`);
    expect(createUrl).toBe(`${baseUrl}/reviews/REV-4/actions`);
    expect(create?.method).toBe('POST');
    expect(create?.headers).toEqual(json);
    expect(JSON.parse(create?.body as string)).toEqual({
      title: 'Raise the pool size',
      owner: 'user:default/sofia.rossi',
      dueDate: '2027-05-01',
    });
    expect(patchUrl).toBe(`${baseUrl}/reviews/REV-4/actions/A-2`);
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers).toEqual({ ...json, 'If-Match': '"3"' });
    expect(JSON.parse(patch?.body as string)).toEqual({
      status: 'dropped',
      note: 'Superseded by CHG-9',
    });
  });

  it('lists the actions across reviews by owner, status and service', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], nextCursor: null }),
    );
    await client.listReviewActions({
      owner: ['User:default/Sofia.Rossi', 'group:default/payments-team'],
      status: ['open', 'in_progress'],
      entityRef: 'Component:default/Payments-Service',
      overdue: true,
      limit: 100,
    });
    await client.listReviewActions();
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/review-actions?owner=user%3Adefault%2Fsofia.rossi&owner=group%3Adefault%2Fpayments-team&status=open&status=in_progress&entityRef=component%3Adefault%2Fpayments-service&overdue=true&limit=100`,
      `${baseUrl}/review-actions`,
    ]);
  });
});
