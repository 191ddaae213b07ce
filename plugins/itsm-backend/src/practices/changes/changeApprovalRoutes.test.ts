import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { changeApprovePermission } from '@backstage-itsm/plugin-itsm-common';
import {
  ANSWERS,
  CAB,
  CHANGE_MANAGERS,
  ECAB,
  GUEST,
  KATRIN,
  LARS,
  MARCUS,
  MARIA,
  PAYMENTS,
  PAYMENTS_API,
  PLATFORM,
  PRIYA,
  SEARCH,
  SOFIA,
  TOM,
  changeApi,
  changeEntities,
} from '../../__testUtils__/changeApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

const start = (databaseId?: any, features: any[] = []) =>
  startItsmBackend({
    databaseId,
    entities: changeEntities,
    config: {},
    features,
  });

describe('change approvals', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('normal/low: one change manager approves, and the deciding vote schedules the change as the approver', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
      });
      expect(change).toMatchObject({
        status: 'authorization',
        risk: 'low',
        requiredApprovals: [
          { kind: 'group', group: CHANGE_MANAGERS, count: 1 },
        ],
        outstandingApprovals: [
          { kind: 'group', group: CHANGE_MANAGERS, count: 1, remaining: 1 },
        ],
        canDecide: false,
      });
      expect((await changes.get(change.id, TOM)).body.canDecide).toBe(true);

      const res = await changes.decide(change.id, TOM, 'approve', 'Looks fine');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'scheduled',
        version: change.version + 2,
        approvals: [
          {
            approver: TOM,
            decision: 'approve',
            comment: 'Looks fine',
            planRevision: 1,
          },
        ],
        outstandingApprovals: [],
        canDecide: false,
      });
      const history = await changes.history(change.id, PRIYA);
      expect(history.slice(-2)).toMatchObject([
        {
          action: 'approval',
          actor: TOM,
          comment: 'Looks fine',
          changes: { decision: [null, 'approve'], planRevision: [null, 1] },
        },
        {
          action: 'transition',
          actor: TOM,
          changes: { status: ['authorization', 'scheduled'] },
        },
      ]);
      expect(backend.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: PRIYA },
          payload: expect.objectContaining({
            scope: `itsm:change:${change.id}:decision`,
            link: `/itsm/changes/${change.id}`,
          }),
        }),
      );
    });

    it('normal/medium: one approval from each owner group and one change manager', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(GUEST, {
        entityRefs: [PAYMENTS_API, SEARCH],
        riskAnswers: ANSWERS.medium,
      });
      expect(change.risk).toBe('medium');
      expect(change.requiredApprovals).toEqual([
        { kind: 'ownerGroup', group: PAYMENTS },
        { kind: 'ownerGroup', group: PLATFORM },
        { kind: 'group', group: CHANGE_MANAGERS, count: 1 },
      ]);

      expect(
        (await changes.decide(change.id, SOFIA, 'approve')).body.status,
      ).toBe('authorization');
      expect(
        (await changes.decide(change.id, TOM, 'approve')).body,
      ).toMatchObject({
        status: 'authorization',
        outstandingApprovals: [
          { kind: 'ownerGroup', group: PLATFORM, remaining: 1 },
        ],
      });
      expect(
        (await changes.decide(change.id, PRIYA, 'approve')).body.status,
      ).toBe('scheduled');
    });

    it('normal/high: a CAB quorum of 50% of the members, the requester excluded, reached exactly at the threshold', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        riskAnswers: ANSWERS.high,
      });
      expect(change.risk).toBe('high');
      expect(change.requiredApprovals).toEqual([
        { kind: 'quorum', group: CAB, quorum: 3, of: 5 },
      ]);
      await changes.decide(change.id, MARCUS, 'approve');
      const second = await changes.decide(change.id, MARIA, 'approve');
      expect(second.body).toMatchObject({
        status: 'authorization',
        outstandingApprovals: [{ kind: 'quorum', remaining: 1 }],
      });
      const third = await changes.decide(change.id, KATRIN, 'approve');
      expect(third.body.status).toBe('scheduled');

      // A CAB member as requester is left out of the quorum's base.
      const own = await changes.inAuthorization(LARS, {
        riskAnswers: ANSWERS.high,
      });
      expect(own.requiredApprovals).toEqual([
        { kind: 'quorum', group: CAB, quorum: 2, of: 4 },
      ]);
    });

    it('emergency: straight to authorization, one emergency-CAB member decides', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        type: 'emergency',
        riskAnswers: ANSWERS.high,
      });
      expect(change.requiredApprovals).toEqual([
        { kind: 'group', group: ECAB, count: 1 },
      ]);
      expect((await changes.decide(change.id, TOM, 'approve')).status).toBe(
        403,
      ); // a change manager, not in the ECAB
      expect(
        (await changes.decide(change.id, SOFIA, 'approve')).body.status,
      ).toBe('scheduled');
    });

    it('refuses the requester (403) whatever their groups, and anyone outside the required groups', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(MARCUS, {
        entityRefs: [SEARCH],
      });
      const before = await changes.history(change.id, MARCUS);
      const self = await changes.decide(change.id, MARCUS, 'approve');
      expect(self.status).toBe(403);
      expect(self.body.error.message).toMatch(/requester/);
      expect((await changes.decide(change.id, PRIYA, 'approve')).status).toBe(
        403,
      );
      const after = await changes.get(change.id, MARCUS);
      expect(after.body).toMatchObject({
        version: change.version,
        approvals: [],
      });
      expect(await changes.history(change.id, MARCUS)).toEqual(before);
    });

    it('counts a second vote by the same person on the same plan revision once (409)', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        riskAnswers: ANSWERS.high,
      });
      expect((await changes.decide(change.id, MARCUS, 'approve')).status).toBe(
        200,
      );
      const again = await changes.decide(change.id, MARCUS, 'approve');
      expect(again.status).toBe(409);
      const after = (await changes.get(change.id, PRIYA)).body;
      expect(after.approvals).toHaveLength(1);
      expect(after.outstandingApprovals).toEqual([
        expect.objectContaining({ remaining: 2 }),
      ]);
    });

    it('rejects on one rejection, and notifies the requester', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        riskAnswers: ANSWERS.high,
      });
      await changes.decide(change.id, MARCUS, 'approve');
      await changes.decide(change.id, SOFIA, 'approve');
      const res = await changes.decide(
        change.id,
        MARIA,
        'reject',
        'No backout',
      );
      expect(res.body.status).toBe('rejected');
      expect(backend.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: { type: 'entity', entityRef: PRIYA },
          payload: expect.objectContaining({
            title: expect.stringMatching(/was rejected/),
            description: `Rejected by ${MARIA.split('/')[1]}: No backout`,
            severity: 'high',
            scope: `itsm:change:${change.id}:decision`,
          }),
        }),
      );
      const history = await changes.history(change.id, PRIYA);
      expect(history[history.length - 1]).toMatchObject({
        action: 'transition',
        actor: MARIA,
        changes: { status: ['authorization', 'rejected'] },
      });
      expect((await changes.decide(change.id, KATRIN, 'approve')).status).toBe(
        409,
      );

      // Rework: back to draft on a new plan revision, where the old votes never count.
      const reworked = await changes.move(res.body, PRIYA, 'draft');
      expect(reworked).toMatchObject({
        planRevision: 2,
        requiredApprovals: [],
      });
      const again = await changes.move(
        await changes.move(reworked, PRIYA, 'assessment'),
        PRIYA,
        'authorization',
      );
      expect(again.outstandingApprovals).toEqual([
        expect.objectContaining({ remaining: 3 }),
      ]);
    });

    it('asks again after a replan in authorization: votes on the old revision stop counting', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(PRIYA, {
        riskAnswers: ANSWERS.high,
      });
      await changes.decide(change.id, MARCUS, 'approve');
      const voted = (await changes.decide(change.id, MARIA, 'approve')).body;
      backend.notifications.send.mockClear();

      const replanned = await changes.patch(change.id, PRIYA, voted.version, {
        backoutPlan: 'Restore the snapshot',
      });
      expect(replanned.status).toBe(200);
      expect(replanned.body).toMatchObject({
        planRevision: 2,
        status: 'authorization',
        outstandingApprovals: [expect.objectContaining({ remaining: 3 })],
      });
      expect(replanned.body.approvals).toHaveLength(2); // kept, no longer counted
      expect(backend.notifications.send).toHaveBeenCalledWith(
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: [CAB],
            excludeEntityRef: PRIYA,
          },
          payload: expect.objectContaining({
            scope: `itsm:change:${change.id}:approval`,
          }),
        }),
      );
      // The same people vote again on the new revision.
      await changes.decide(change.id, MARCUS, 'approve');
      await changes.decide(change.id, MARIA, 'approve');
      expect(
        (await changes.decide(change.id, SOFIA, 'approve')).body.status,
      ).toBe('scheduled');
    });

    it('makes risk answers changed in authorization a new plan revision, with the approvals the new risk needs', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const change = await changes.inAuthorization(GUEST, {
        entityRefs: [PAYMENTS_API, SEARCH],
        riskAnswers: ANSWERS.medium,
      });
      await changes.decide(change.id, SOFIA, 'approve');
      const voted = (await changes.decide(change.id, TOM, 'approve')).body;
      expect(voted.outstandingApprovals).toEqual([
        { kind: 'ownerGroup', group: PLATFORM, remaining: 1 },
      ]);

      // Answered as high risk now: one more vote must not schedule it.
      const raised = await changes.patch(change.id, GUEST, voted.version, {
        riskAnswers: ANSWERS.high,
      });
      expect(raised.status).toBe(200);
      expect(raised.body).toMatchObject({
        risk: 'high',
        planRevision: 2,
        status: 'authorization',
      });
      expect(raised.body.requiredApprovals).toContainEqual(
        expect.objectContaining({ group: CAB }),
      );
      const history = await changes.history(change.id, GUEST);
      expect(history[history.length - 1].comment).toMatch(
        /votes on revision 1 no longer count/,
      );
      // The platform owner's vote would have completed the medium-risk approvals.
      await changes.decide(change.id, PRIYA, 'approve');
      expect((await changes.get(change.id, GUEST)).body.status).toBe(
        'authorization',
      );
    });

    it('takes votes only in authorization (409)', async () => {
      const backend = await start(databaseId);
      const changes = changeApi(backend);
      const draft = await changes.create(PRIYA, { entityRefs: [SEARCH] });
      expect(draft.requiredApprovals).toEqual([]);
      // Not a required approver of a change without requirements: 403 comes first.
      expect((await changes.decide(draft.id, TOM, 'approve')).status).toBe(403);
      const change = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
      });
      await changes.move(change, PRIYA, 'cancelled');
      expect((await changes.decide(change.id, TOM, 'approve')).status).toBe(
        409,
      );
    });
  });

  it('lists what waits for my decision in the approval queue', async () => {
    const backend = await start();
    const changes = changeApi(backend);
    const high = await changes.inAuthorization(PRIYA, {
      riskAnswers: ANSWERS.high,
    });
    const low = await changes.inAuthorization(PRIYA, { entityRefs: [SEARCH] });

    const ids = async (user: string) =>
      (await changes.queue(user)).body.items.map((c: any) => c.id);
    expect(await ids(MARIA)).toEqual([high.id, low.id]);
    expect(await ids(KATRIN)).toEqual([high.id]);
    expect(await ids(TOM)).toEqual([low.id]);
    expect(await ids(PRIYA)).toEqual([]);

    await changes.decide(high.id, MARIA, 'approve');
    expect(await ids(MARIA)).toEqual([low.id]);
    const item = (await changes.queue(KATRIN)).body.items[0];
    expect(item).toMatchObject({ id: high.id, canDecide: true });
  });

  it('lets the permission policy deny approving, never grant it', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async queries =>
        queries.map(q => ({
          result:
            q.permission.name === changeApprovePermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    });
    const backend = await start(undefined, [permissions.factory]);
    const changes = changeApi(backend);
    const change = await changes.inAuthorization(PRIYA, {
      entityRefs: [SEARCH],
    });
    expect((await changes.get(change.id, TOM)).body.canDecide).toBe(false);
    expect((await changes.decide(change.id, TOM, 'approve')).status).toBe(403);
    expect((await changes.get(change.id, PRIYA)).body.approvals).toEqual([]);
  });
});
