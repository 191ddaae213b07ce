import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://localhost:7007/api/itsm';

function setup(body: unknown) {
  const text = JSON.stringify(body);
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      ({
        ok: true,
        status: 200,
        statusText: 'OK',
        headers: new Headers({ 'content-type': 'application/json' }),
        json: async () => JSON.parse(text),
        text: async () => text,
      } as Response),
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  return {
    client: new ItsmClient({ discoveryApi, fetchApi: { fetch } }),
    fetch,
  };
}

describe('ItsmClient (review pack)', () => {
  it('reads the pack of a review by encoded id, live unless told otherwise', async () => {
    const { client, fetch } = setup({ frozen: null });
    await expect(client.getReviewPack({ id: 'REV-4' })).resolves.toEqual({
      frozen: null,
    });
    await client.getReviewPack({ id: 'REV/4', live: false });
    await client.getReviewPack({ id: 'REV-4', live: true });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${baseUrl}/reviews/REV-4/pack`,
      `${baseUrl}/reviews/REV%2F4/pack?live=false`,
      `${baseUrl}/reviews/REV-4/pack?live=true`,
    ]);
  });
});
