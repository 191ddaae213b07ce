import {
  ANSWERS,
  CHECKOUT,
  ECAB,
  GATEWAY,
  GUEST,
  PAYMENTS,
  PAYMENTS_API,
  PAYMENTS_DB,
  PRIYA,
  SEARCH,
  SOFIA,
  TOM,
  changeApi,
  changeEntities,
  windowIn,
} from '../../__testUtils__/changeApi';
import {
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const H = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * H).toISOString();

/** A freeze from 100 to 200 hours from now on payments-api. */
const freezeConfig = () => ({
  itsm: {
    changes: {
      freezeWindows: [
        {
          name: 'Payments freeze',
          start: inHours(100),
          end: inHours(200),
          entityRefs: ['Component:default/payments-api'],
        },
      ],
    },
  },
});

describe('change calendar, conflicts and freezes', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('blocks scheduling in a freeze (409 naming the window) except for emergency changes', async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: freezeConfig(),
      });
      const changes = changeApi(backend);

      const normal = await changes.inAuthorization(PRIYA, windowIn(120));
      expect(normal.conflicts).toEqual([
        expect.objectContaining({
          kind: 'freeze',
          window: 'Payments freeze',
          entityRef: PAYMENTS_API,
        }),
      ]);
      const vote = await changes.decide(normal.id, TOM, 'approve');
      expect(vote.status).toBe(409);
      expect(vote.body.error.message).toMatch(/Payments freeze/);
      expect((await changes.get(normal.id, PRIYA)).body).toMatchObject({
        status: 'authorization',
        approvals: [],
      });

      const emergency = await changes.inAuthorization(PRIYA, {
        type: 'emergency',
        ...windowIn(150),
      });
      const approved = await changes.decide(emergency.id, SOFIA, 'approve');
      expect(approved.body).toMatchObject({
        status: 'scheduled',
        conflicts: [expect.objectContaining({ kind: 'freeze' })],
      });

      // Outside the freeze, or on another entity, nothing blocks.
      const elsewhere = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
        ...windowIn(120),
      });
      expect(elsewhere.conflicts).toEqual([]);
      expect(
        (await changes.decide(elsewhere.id, TOM, 'approve')).body.status,
      ).toBe('scheduled');
    });

    it('finds overlaps on the same entity and on directly related entities, on the change and in the calendar', async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: {},
      });
      const changes = changeApi(backend);
      const first = await changes.inAuthorization(PRIYA, windowIn(10, 4));
      // checkout depends on payments-api; the database is a dependency of payments-api.
      const related = await changes.inAuthorization(GUEST, {
        entityRefs: [CHECKOUT],
        ...windowIn(12, 4),
      });
      expect(related.conflicts).toEqual([
        expect.objectContaining({
          kind: 'related_overlap',
          with: first.id,
          entityRef: CHECKOUT,
        }),
      ]);
      const same = await changes.create(GUEST, {
        entityRefs: [PAYMENTS_API, PAYMENTS_DB],
        ...windowIn(13, 1),
      });
      expect(same.conflicts).toEqual([
        expect.objectContaining({ kind: 'overlap', with: first.id }),
        expect.objectContaining({
          kind: 'related_overlap',
          with: related.id,
          entityRef: PAYMENTS_API,
        }),
      ]);
      // Touching windows do not overlap; drafts conflict with nothing.
      const later = await changes.create(GUEST, windowIn(30, 1));
      expect(later.conflicts).toEqual([]);

      const calendar = await backend
        .api()
        .get(
          `/api/itsm/change-calendar?from=${inHours(0)}&to=${inHours(24 * 7)}`,
        )
        .set('Authorization', asUser(GUEST));
      expect(calendar.status).toBe(200);
      // Drafts are not on the calendar.
      expect(calendar.body.changes.map((c: any) => c.id)).toEqual([
        first.id,
        related.id,
      ]);
      expect(calendar.body.changes[0].conflicts).toEqual([
        expect.objectContaining({ kind: 'related_overlap', with: related.id }),
      ]);
      expect(calendar.body.freezeWindows).toEqual([]);

      // The first change was written before the others: reading it computes its conflicts now.
      const reread = await backend
        .api()
        .get(`/api/itsm/changes/${first.id}`)
        .set('Authorization', asUser(GUEST));
      expect(reread.body.conflicts).toEqual([
        expect.objectContaining({ kind: 'related_overlap', with: related.id }),
      ]);
      // So does a list, for every change it shows that is still ahead of implementation.
      const listed = await backend
        .api()
        .get(`/api/itsm/changes?order=asc`)
        .set('Authorization', asUser(GUEST));
      expect(
        listed.body.items.find((c: any) => c.id === first.id).conflicts,
      ).toEqual([
        expect.objectContaining({ kind: 'related_overlap', with: related.id }),
      ]);

      const byOwner = await backend
        .api()
        .get(
          `/api/itsm/change-calendar?from=${inHours(0)}&to=${inHours(
            48,
          )}&owner=${PAYMENTS}`,
        )
        .set('Authorization', asUser(GUEST));
      expect(byOwner.body.changes.map((c: any) => c.id)).toEqual([first.id]);
      const bySystem = await backend
        .api()
        .get(
          `/api/itsm/change-calendar?from=${inHours(0)}&to=${inHours(
            48,
          )}&system=system:default/payments&system=system:default/other`,
        )
        .set('Authorization', asUser(GUEST));
      expect(bySystem.body.changes.map((c: any) => c.id)).toEqual([first.id]);
    });
  });

  it('shows freeze windows overlapping the range, and answers 400 to a range over 100 days', async () => {
    const backend = await startItsmBackend({
      entities: changeEntities,
      config: freezeConfig(),
    });
    const get = (query: string) =>
      backend
        .api()
        .get(`/api/itsm/change-calendar${query}`)
        .set('Authorization', asUser(GUEST));
    const res = await get(`?from=${inHours(0)}&to=${inHours(150)}`);
    expect(res.body.freezeWindows).toEqual([
      expect.objectContaining({
        name: 'Payments freeze',
        entityRefs: [PAYMENTS_API],
      }),
    ]);
    expect(
      (await get(`?from=${inHours(0)}&to=${inHours(24 * 101)}`)).status,
    ).toBe(400);
    expect((await get(`?from=${inHours(10)}&to=${inHours(0)}`)).status).toBe(
      400,
    );
    expect((await get(`?to=${inHours(10)}`)).status).toBe(400);
  });

  it('assesses a change before submission without writing anything', async () => {
    const backend = await startItsmBackend({
      entities: changeEntities,
      config: freezeConfig(),
    });
    const assess = (body: object) =>
      backend
        .api()
        .post('/api/itsm/change-assessments')
        .set('Authorization', asUser(PRIYA))
        .send(body);
    const res = await assess({
      type: 'emergency',
      entityRefs: [PAYMENTS_API],
      riskAnswers: ANSWERS.low,
      ...windowIn(150),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      risk: 'low',
      score: 0,
      riskReasons: [expect.stringMatching(/score 0/)],
      requiredApprovals: [{ kind: 'group', group: ECAB, count: 1 }],
      conflicts: [expect.objectContaining({ kind: 'freeze' })],
      blockedByFreeze: false,
      blastRadius: 2, // checkout and the payments system
    });
    const gateway = await assess({
      type: 'normal',
      entityRefs: [GATEWAY, PAYMENTS_API],
      riskAnswers: ANSWERS.low,
      ...windowIn(150),
    });
    expect(gateway.body).toMatchObject({
      risk: 'medium', // gateway is tier 1
      blockedByFreeze: true,
      requiredApprovals: [
        { kind: 'ownerGroup', group: PAYMENTS },
        { kind: 'ownerGroup', group: 'group:default/platform-team' },
        expect.objectContaining({ group: 'group:default/change-managers' }),
      ],
    });
    expect(
      (await assess({ type: 'normal', entityRefs: [PAYMENTS_API] })).status,
    ).toBe(400);
    const list = await backend
      .api()
      .get('/api/itsm/changes')
      .set('Authorization', asUser(PRIYA));
    expect(list.body.items).toEqual([]);
    expect(backend.signals.publish).not.toHaveBeenCalled();
  });
});
