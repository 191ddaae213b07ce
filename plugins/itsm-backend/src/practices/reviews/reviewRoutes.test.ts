import { DEFAULT_REVIEW_AGENDA } from '@backstage-itsm/plugin-itsm-common';
import { incidentApi } from '../../__testUtils__/incidentApi';
import {
  CART,
  PAYMENTS,
  ownershipUserInfo,
  setNow,
  slaApi,
} from '../../__testUtils__/slaApi';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';
import {
  ALICE,
  BOB,
  CAROL,
  DAN,
  ERIN,
  RETAIL,
  REVIEW_OWNERSHIP,
  WHOLESALE,
  reviewApi,
  reviewEntities,
  reviewPermissions,
} from './__testUtils__/reviewApi';
import { REVIEW_PACK_GENERATOR_VERSION, hashReviewPack } from './pack';

jest.setTimeout(180_000);

const T0 = '2026-01-05T09:00:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(Date.parse(T0) + ms);
const advance = (to: Date | string) => jest.setSystemTime(new Date(to));

async function start(
  databaseId: TestDatabaseId,
  permissions?: ReturnType<typeof reviewPermissions>,
) {
  const backend = await startItsmBackend({
    databaseId,
    entities: reviewEntities,
    features: [
      ownershipUserInfo(REVIEW_OWNERSHIP),
      ...(permissions ? [permissions.factory] : []),
    ],
  });
  const { slas } = slaApi(backend);
  await slas.created({ effectiveFrom: T0, customerGroups: [RETAIL] });
  await slas.created(
    {
      effectiveFrom: T0,
      entityRef: CART,
      title: 'Cart SLA',
      customerGroups: [WHOLESALE],
      reviewCadence: 'monthly',
    },
    BOB,
  );
  return backend;
}

describe('service reviews API', () => {
  beforeEach(() => setNow(T0));
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('walks a review from scheduled to closed with what each move requires; closing moves the SLA review date', async () => {
      const backend = await start(databaseId);
      const reviews = reviewApi(backend);
      const { slas } = slaApi(backend);

      // A service without an SLA, or not in the catalog: 400 naming entityRef, nothing written.
      for (const entityRef of [
        'resource:default/payments-db',
        'component:default/nope',
      ]) {
        const res = await reviews.post('/reviews', {
          entityRef,
          scheduledFor: at(30 * DAY).toISOString(),
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/^entityRef: /);
      }

      // A period longer than the longest SLA report: 400 naming the period.
      const long = await reviews.post('/reviews', {
        entityRef: PAYMENTS,
        scheduledFor: at(400 * DAY).toISOString(),
      });
      expect(long.status).toBe(400);
      expect(long.body.error.message).toMatch(/^period: /);

      let review = await reviews.create({
        entityRef: 'Component:default/Payments',
        scheduledFor: at(30 * DAY).toISOString(),
      });
      expect(review).toMatchObject({
        id: 'REV-1',
        version: 1,
        status: 'scheduled',
        entityRef: PAYMENTS,
        slaId: 'SLA-1',
        customerGroups: [RETAIL],
        period: { from: T0, to: at(30 * DAY).toISOString() },
        overdue: false,
        attendees: [],
        agenda: DEFAULT_REVIEW_AGENDA,
        minutes: '',
        decisions: [],
        packHash: null,
        openActionCount: 0,
        createdBy: ALICE,
      });
      expect(review.title).toBe(
        'Service review of payments, 2026-01-05 to 2026-02-04',
      );
      expect((await reviews.get('/reviews')).body.items).toHaveLength(1);

      // If-Match: missing 428, malformed 400, stale 412; the lifecycle 409 before fields 400.
      expect(
        (await reviews.transition(review.id, undefined, { to: 'prepared' }))
          .status,
      ).toBe(428);
      expect(
        (await reviews.transition(review.id, 'v1', { to: 'prepared' })).status,
      ).toBe(400);
      expect(
        (await reviews.transition(review.id, 7, { to: 'prepared' })).status,
      ).toBe(412);
      const early = await reviews.transition(review.id, 1, { to: 'held' });
      expect(early.status).toBe(409);
      const unfrozen = await reviews.transition(review.id, 1, {
        to: 'prepared',
      });
      expect(unfrozen.status).toBe(400);
      expect(unfrozen.body.error.message).toMatch(/^pack: freeze/);

      const edited = await reviews.patch(review.id, 1, {
        attendees: ['User:default/Carol'],
        decisions: [{ text: 'Keep the quarterly cadence' }],
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, attendees: [CAROL] });
      const noop = await reviews.patch(review.id, 2, { attendees: [CAROL] });
      expect(noop.body.version).toBe(2);
      expect(
        (await reviews.patch(review.id, 2, { status: 'held' })).status,
      ).toBe(400);

      review = await reviews.frozen(edited.body);
      expect(review).toMatchObject({
        version: 3,
        packGeneratorVersion: REVIEW_PACK_GENERATOR_VERSION,
        packFrozenAt: T0,
      });
      expect(review.packHash).toMatch(/^[0-9a-f]{64}$/);
      review = await reviews.move(review, 'prepared');

      advance(at(30 * DAY));
      const noMinutes = await reviews.transition(review.id, review.version, {
        to: 'held',
      });
      expect(noMinutes.status).toBe(400);
      expect(noMinutes.body.error.message).toMatch(/minutes/);
      const future = await reviews.transition(review.id, review.version, {
        to: 'held',
        minutes: 'x',
        heldAt: at(31 * DAY).toISOString(),
      });
      expect(future.status).toBe(400);
      const heldAt = at(30 * DAY - 2 * HOUR).toISOString();
      review = await reviews.move(review, 'held', {
        minutes: 'Attainment on target.',
        heldAt,
      });
      expect(review).toMatchObject({ status: 'held', heldAt, overdue: false });
      // Held: the date stays, the pack is what was reviewed.
      expect(
        (
          await reviews.patch(review.id, review.version, {
            scheduledFor: at(40 * DAY).toISOString(),
          })
        ).status,
      ).toBe(409);
      expect((await reviews.freeze(review.id, review.version)).status).toBe(
        409,
      );
      expect(
        (
          await reviews.transition(review.id, review.version, {
            to: 'cancelled',
            cancelReason: 'x',
          })
        ).status,
      ).toBe(409);

      const unsigned = await reviews.transition(review.id, review.version, {
        to: 'closed',
      });
      expect(unsigned.status).toBe(400);
      expect(unsigned.body.error.message).toMatch(/^signedOffBy: /);

      const signed = await reviews.signOff(review.id, CAROL, {
        comment: 'Agreed',
      });
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({
        signedOffBy: CAROL,
        signedOffAt: at(30 * DAY).toISOString(),
        signOffComment: 'Agreed',
      });
      const slaBefore = (await slas.get('SLA-1')).body;
      expect(slaBefore.lastReviewedAt).toBeNull();

      review = await reviews.move(signed.body, 'closed');
      expect(review).toMatchObject({
        status: 'closed',
        closedAt: at(30 * DAY).toISOString(),
      });
      const sla = (await slas.get('SLA-1')).body;
      expect(sla).toMatchObject({
        version: slaBefore.version + 1,
        revision: slaBefore.revision,
        lastReviewedAt: heldAt,
        nextReviewAt: '2026-05-04T07:00:00.000Z',
      });
      const slaHistory = (await slas.history('SLA-1')).body.items;
      expect(slaHistory[slaHistory.length - 1]).toMatchObject({
        action: 'review',
        actor: ALICE,
        changes: { lastReviewedAt: [null, heldAt] },
        comment: 'Service review REV-1 closed',
      });

      // Closed: no more writes.
      expect(
        (await reviews.patch(review.id, review.version, { title: 'x' })).status,
      ).toBe(409);
      expect(
        (await reviews.transition(review.id, review.version, { to: 'held' }))
          .status,
      ).toBe(409);

      const history = await reviews.history(review.id);
      expect(history.map(e => [e.version, e.action])).toEqual([
        [1, 'create'],
        [2, 'update'],
        [3, 'pack-frozen'],
        [4, 'transition'],
        [5, 'transition'],
        [6, 'sign-off'],
        [7, 'transition'],
      ]);
      expect(history[0].changes.entityRef).toEqual([null, PAYMENTS]);
      expect(history[1].changes).toEqual({
        attendees: [[], [CAROL]],
        decisions: [[], [{ text: 'Keep the quarterly cadence' }]],
      });
      expect(history[4].changes).toEqual({
        status: ['prepared', 'held'],
        minutes: ['', 'Attainment on target.'],
        heldAt: [null, heldAt],
      });
    });

    it('freezes the pack with its hash and generator version; the frozen pack stays byte-identical while the drift shows live changes', async () => {
      const backend = await start(databaseId);
      const reviews = reviewApi(backend);
      const incidents = incidentApi(backend);
      advance(at(HOUR));
      await incidents.create({ entityRef: PAYMENTS });

      let review = await reviews.create({
        entityRef: PAYMENTS,
        scheduledFor: at(20 * DAY).toISOString(),
      });
      const before = (await reviews.get(`/reviews/${review.id}/pack`)).body;
      expect(before.frozen).toBeNull();
      expect(before.drift).toBeUndefined();
      expect(before.live.header).toMatchObject({
        entityRef: PAYMENTS,
        period: { from: T0, to: at(20 * DAY).toISOString() },
      });
      expect(before.live.sections.incidents.raised).toBe(1);

      review = await reviews.frozen(review);
      const stored = async () =>
        (
          await backend.knex!('itsm_review_packs')
            .where('review_seq', 1)
            .first()
        ).pack as string;
      const frozenRow = await stored();
      const first = (await reviews.get(`/reviews/${review.id}/pack`)).body;
      expect(first.frozen).toMatchObject({
        hash: review.packHash,
        generatorVersion: REVIEW_PACK_GENERATOR_VERSION,
        frozenAt: review.packFrozenAt,
      });
      expect(hashReviewPack(first.frozen.pack)).toBe(review.packHash);
      expect(JSON.stringify(first.frozen.pack)).toBe(frozenRow);
      expect(first.drift.changed).toBe(false);

      // The live data changes: the frozen pack does not, the drift says what changed.
      advance(at(2 * DAY));
      await incidents.create({
        entityRef: PAYMENTS,
        title: 'Refunds fail',
        impact: 1,
        urgency: 1,
      });
      const after = (await reviews.get(`/reviews/${review.id}/pack`)).body;
      expect(await stored()).toBe(frozenRow);
      expect(JSON.stringify(after.frozen.pack)).toBe(frozenRow);
      expect(after.frozen.hash).toBe(review.packHash);
      expect(after.live.sections.incidents.raised).toBe(2);
      expect(after.drift.changed).toBe(true);
      expect(after.drift.sections.map((s: any) => s.section)).toContain(
        'incidents',
      );
      const quiet = (await reviews.get(`/reviews/${review.id}/pack?live=false`))
        .body;
      expect(quiet).toEqual({ frozen: after.frozen });

      // Frozen again before the review is held: replaced, both hashes in the history.
      const refrozen = await reviews.frozen(review);
      expect(refrozen.packHash).not.toBe(review.packHash);
      const history = await reviews.history(review.id);
      expect(history[history.length - 1]).toMatchObject({
        action: 'pack-refrozen',
        changes: {
          packHash: [review.packHash, refrozen.packHash],
          packFrozenAt: [review.packFrozenAt, at(2 * DAY).toISOString()],
        },
      });
      expect(
        JSON.stringify(
          (await reviews.get(`/reviews/${review.id}/pack`)).body.frozen.pack,
        ),
      ).toBe(await stored());
    });

    it('lets only a member of the SLA customer groups sign off a held review, once', async () => {
      const backend = await start(databaseId);
      const reviews = reviewApi(backend);
      const prepared = await reviews.move(
        await reviews.frozen(
          await reviews.create({
            entityRef: PAYMENTS,
            scheduledFor: at(10 * DAY).toISOString(),
          }),
        ),
        'prepared',
      );
      // Not held yet: the customer gets a 409, everyone else a 403 first.
      expect((await reviews.signOff(prepared.id, CAROL)).status).toBe(409);
      expect((await reviews.signOff(prepared.id, BOB)).status).toBe(403);

      const held = await reviews.move(prepared, 'held', {
        minutes: 'Done',
        attendees: [ALICE, CAROL],
      });
      // The service owner, another owner, a customer of another SLA: 403, whatever the policy.
      for (const who of [ALICE, DAN, BOB, ERIN]) {
        const res = await reviews.signOff(held.id, who);
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(
          /^Only a member of the customer groups of SLA-1 \(group:default\/retail\)/,
        );
      }
      const unknown = await reviews.signOff('REV-99', CAROL);
      expect(unknown.status).toBe(404);
      const signed = await reviews.signOff(held.id, CAROL);
      expect(signed.status).toBe(200);
      expect(signed.body.version).toBe(held.version + 1);
      const again = await reviews.signOff(held.id, CAROL);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(
        /signed off by user:default\/carol/,
      );
    });

    it('schedules the next review of every SLA in force once, and tells owners it is due and overdue once each', async () => {
      const backend = await start(databaseId);
      const reviews = reviewApi(backend);
      const first = await reviews.schedule();
      expect(first).toEqual({ scheduled: ['REV-1', 'REV-2'], notified: 0 });
      expect(await reviews.schedule()).toEqual({ scheduled: [], notified: 0 });
      const list = (await reviews.get('/reviews?order=asc')).body.items;
      expect(
        list.map((r: any) => [r.id, r.entityRef, r.scheduledFor, r.period]),
      ).toEqual([
        [
          'REV-1',
          PAYMENTS,
          '2026-04-05T09:00:00.000Z',
          { from: T0, to: '2026-04-05T09:00:00.000Z' },
        ],
        [
          'REV-2',
          CART,
          '2026-02-05T09:00:00.000Z',
          { from: T0, to: '2026-02-05T09:00:00.000Z' },
        ],
      ]);
      expect(list[0].createdBy).toBe('plugin:itsm');
      expect(
        (await reviews.get('/reviews?slaId=SLA-2')).body.items.map(
          (r: any) => r.id,
        ),
      ).toEqual(['REV-2']);

      // Three weeks later: the cart review (monthly) is due; two replicas run at once.
      advance('2026-01-26T09:00:00.000Z');
      const runs = await Promise.all([reviews.schedule(), reviews.schedule()]);
      expect(runs.map(r => r.notified).reduce((a, b) => a + b)).toBe(1);
      expect(backend.notifications.send).toHaveBeenCalledTimes(1);
      expect(backend.notifications.send).toHaveBeenLastCalledWith({
        recipients: { type: 'entity', entityRef: ['group:default/team-b'] },
        payload: expect.objectContaining({
          title: 'Service review REV-2 is due on 2026-02-05',
          link: '/itsm/reviews/REV-2',
          topic: 'itsm-review-due',
          scope: 'itsm:review:REV-2:due:2026-02-05T09:00:00.000Z',
        }),
      });

      // Past its date and not held: overdue, flagged and notified once.
      advance('2026-02-06T09:00:00.000Z');
      expect((await reviews.schedule()).notified).toBe(1);
      expect((await reviews.schedule()).notified).toBe(0);
      expect(backend.notifications.send).toHaveBeenCalledTimes(2);
      expect(backend.notifications.send).toHaveBeenLastCalledWith(
        expect.objectContaining({
          payload: expect.objectContaining({
            title: 'Service review REV-2 is overdue (due 2026-02-05)',
            severity: 'high',
          }),
        }),
      );
      const overdue = (await reviews.get('/reviews?overdue=true')).body.items;
      expect(overdue.map((r: any) => r.id)).toEqual(['REV-2']);
      expect(overdue[0].overdue).toBe(true);
      expect(
        (await reviews.get('/reviews?overdue=false')).body.items.map(
          (r: any) => r.id,
        ),
      ).toEqual(['REV-1']);
      const ledger = await backend.knex!('itsm_notification_ledger').where(
        'record_type',
        'review',
      );
      expect(ledger.map(row => [Number(row.record_seq), row.purpose])).toEqual([
        [2, 'due'],
        [2, 'overdue'],
      ]);
      expect(ledger.every(row => row.notified_at !== null)).toBe(true);
      const history = await reviews.history('REV-2');
      expect(history.map(e => [e.version, e.action, e.comment])).toEqual([
        [1, 'create', undefined],
        [
          1,
          'notified',
          'Review due on 2026-02-05: group:default/team-b notified',
        ],
        [
          1,
          'notified',
          'Review overdue since 2026-02-05: group:default/team-b notified',
        ],
      ]);
    });

    it('records actions, tracks them after the review closed, reminds their owners once and carries open ones into the next pack', async () => {
      const backend = await start(
        databaseId,
        reviewPermissions({ [CAROL]: 'reader' }),
      );
      const reviews = reviewApi(backend);
      const incident = await incidentApi(backend).create();
      let review = await reviews.create({
        entityRef: PAYMENTS,
        scheduledFor: at(7 * DAY).toISOString(),
      });
      const add = (body: object, who = ALICE) =>
        reviews.post(`/reviews/${review.id}/actions`, body, who);
      const a1 = await add({
        title: 'Add a runbook for card timeouts',
        owner: DAN,
        dueDate: '2026-02-10',
      });
      expect(a1.status).toBe(201);
      expect(a1.body).toMatchObject({
        id: 'REV-1/A-1',
        reviewId: 'REV-1',
        number: 1,
        version: 1,
        status: 'open',
        owner: DAN,
        entityRef: PAYMENTS,
        overdue: false,
        recordId: null,
      });
      const a2 = await add({
        title: 'Share the availability report monthly',
        owner: CAROL,
        dueDate: '2026-03-01',
        recordId: incident.id,
      });
      expect(a2.status).toBe(201);
      expect(a2.body.recordId).toBe(incident.id);
      const links = (await reviews.get(`/reviews/${review.id}/links`)).body
        .items;
      expect(links).toEqual([
        expect.objectContaining({
          to: incident.id,
          relation: 'relates_to',
          note: 'Action REV-1/A-2: Share the availability report monthly',
        }),
      ]);
      // Unknown record, a customer recording one: 400, 403; nothing written.
      expect(
        (
          await add({
            title: 'x',
            owner: DAN,
            dueDate: '2026-02-10',
            recordId: 'PRB-9',
          })
        ).status,
      ).toBe(400);
      expect(
        (await add({ title: 'x', owner: DAN, dueDate: '2026-02-10' }, CAROL))
          .status,
      ).toBe(403);
      // Actions do not move the review's version.
      expect((await reviews.get(`/reviews/${review.id}`)).body).toMatchObject({
        version: 1,
        openActionCount: 2,
      });

      // The action's own version is its If-Match.
      expect(
        (
          await reviews.patchAction(review.id, 'A-1', undefined, {
            status: 'in_progress',
          })
        ).status,
      ).toBe(428);
      expect(
        (
          await reviews.patchAction(review.id, 'A-1', 5, {
            status: 'in_progress',
          })
        ).status,
      ).toBe(412);
      expect(
        (await reviews.patchAction(review.id, 'A-9', 1, { note: 'x' })).status,
      ).toBe(404);
      // Its owner may update it; a customer may not update someone else's.
      expect(
        (
          await reviews.patchAction(
            review.id,
            'A-1',
            1,
            { status: 'done' },
            CAROL,
          )
        ).status,
      ).toBe(403);
      const started = await reviews.patchAction(review.id, 'A-1', 1, {
        status: 'in_progress',
        note: 'Draft in the wiki',
      });
      expect(started.body).toMatchObject({ version: 2, status: 'in_progress' });
      const dropped = await reviews.patchAction(review.id, 'A-1', 2, {
        status: 'dropped',
      });
      expect(dropped.status).toBe(400);
      advance(at(2 * DAY));
      const done = await reviews.patchAction(review.id, 'A-1', 2, {
        status: 'done',
      });
      expect(done.body).toMatchObject({
        version: 3,
        status: 'done',
        completedAt: at(2 * DAY).toISOString(),
      });
      expect(
        (await reviews.patchAction(review.id, 'A-1', 3, { status: 'open' }))
          .status,
      ).toBe(409);

      // Hold, sign off and close the review; its open action is still tracked.
      review = await reviews.frozen(review);
      review = await reviews.move(review, 'prepared');
      advance(at(7 * DAY));
      review = await reviews.move(review, 'held', {
        minutes: 'Reviewed the quarter',
        attendees: [ALICE, CAROL],
      });
      const signed = await reviews.signOff(review.id, CAROL);
      review = await reviews.move(signed.body, 'closed');
      expect(
        (await add({ title: 'Late', owner: DAN, dueDate: '2026-03-01' }))
          .status,
      ).toBe(409);
      const mine = await reviews.patchAction(
        review.id,
        'A-2',
        1,
        { status: 'in_progress' },
        CAROL,
      );
      expect(mine.status).toBe(200);

      const history = await reviews.history(review.id);
      expect(
        history
          .filter(e => e.action.startsWith('action'))
          .map(e => [e.version, e.action, e.changes]),
      ).toEqual([
        [
          1,
          'action-added',
          {
            'actions.A-1': [
              null,
              {
                title: 'Add a runbook for card timeouts',
                owner: DAN,
                dueDate: '2026-02-10',
              },
            ],
          },
        ],
        [1, 'action-added', expect.any(Object)],
        [
          1,
          'action-updated',
          {
            'actions.A-1.status': ['open', 'in_progress'],
            'actions.A-1.note': [null, 'Draft in the wiki'],
          },
        ],
        [
          1,
          'action-updated',
          {
            'actions.A-1.status': ['in_progress', 'done'],
            'actions.A-1.completedAt': [null, at(2 * DAY).toISOString()],
          },
        ],
        [
          review.version,
          'action-updated',
          {
            'actions.A-2.status': ['open', 'in_progress'],
          },
        ],
      ]);

      // My actions, and the actions across reviews.
      const carols = (
        await reviews.get(`/review-actions?owner=${CAROL}`, CAROL)
      ).body.items;
      expect(carols.map((a: any) => [a.id, a.status])).toEqual([
        ['REV-1/A-2', 'in_progress'],
      ]);
      expect(
        (await reviews.get('/review-actions?status=done')).body.items.map(
          (a: any) => a.id,
        ),
      ).toEqual(['REV-1/A-1']);

      // The next review is scheduled from the close; its pack carries the open action.
      const run = await reviews.schedule();
      const next = (
        await reviews.get(
          '/reviews?entityRef=component:default/payments&status=scheduled',
        )
      ).body.items[0];
      expect(run.scheduled).toContain(next.id);
      expect(next.period.from).toBe(review.heldAt);
      const pack = (await reviews.get(`/reviews/${next.id}/pack`)).body.live;
      expect(pack.sections.actions.items.items).toEqual([
        {
          reviewId: 'REV-1',
          id: 'REV-1/A-2',
          title: 'Share the availability report monthly',
          owner: CAROL,
          dueDate: '2026-03-01',
          status: 'in_progress',
        },
      ]);

      // Reminders: due soon three days ahead, overdue the day after, once each.
      advance('2026-02-26T12:00:00.000Z');
      backend.notifications.send.mockClear();
      await reviews.schedule();
      await reviews.schedule();
      advance('2026-03-02T00:00:00.000Z');
      await reviews.schedule();
      await reviews.schedule();
      const reminders = backend.notifications.send.mock.calls
        .map(([options]: any) => options)
        .filter((o: any) => o.payload.topic.startsWith('itsm-review-action'));
      expect(
        reminders.map((o: any) => [o.recipients.entityRef, o.payload.title]),
      ).toEqual([
        [[CAROL], 'Review action REV-1/A-2 is due on 2026-03-01'],
        [[CAROL], 'Review action REV-1/A-2 is overdue (due 2026-03-01)'],
      ]);
      expect(
        (await reviews.get('/review-actions?overdue=true')).body.items.map(
          (a: any) => a.id,
        ),
      ).toEqual(['REV-1/A-2']);
    });

    it('lists and shows reviews to their service owners and customers only', async () => {
      const backend = await start(
        databaseId,
        reviewPermissions({
          [BOB]: 'owner',
          [CAROL]: 'customer',
          [ERIN]: 'customer',
          [DAN]: 'deny',
        }),
      );
      const reviews = reviewApi(backend);
      const payments = await reviews.create({
        entityRef: PAYMENTS,
        scheduledFor: at(9 * DAY).toISOString(),
      });
      // Bob may schedule reviews of his service only (manage on the review it would be).
      const refused = await reviews.post(
        '/reviews',
        { entityRef: PAYMENTS, scheduledFor: at(9 * DAY).toISOString() },
        BOB,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        'Not allowed: itsm.review.manage',
      );
      const cart = await reviews.create(
        { entityRef: CART, scheduledFor: at(9 * DAY).toISOString() },
        BOB,
      );
      await reviews.post(`/reviews/${payments.id}/actions`, {
        title: 'Payments action',
        owner: ALICE,
        dueDate: '2026-02-01',
      });
      await reviews.post(
        `/reviews/${cart.id}/actions`,
        { title: 'Cart action', owner: BOB, dueDate: '2026-02-01' },
        BOB,
      );

      const ids = async (path: string, who: string) =>
        (await reviews.get(path, who)).body.items.map((r: any) => r.id);
      expect(await ids('/reviews', ALICE)).toEqual([cart.id, payments.id]);
      expect(await ids('/reviews', BOB)).toEqual([cart.id]);
      expect(await ids('/reviews', CAROL)).toEqual([payments.id]);
      expect(await ids('/reviews', ERIN)).toEqual([cart.id]);
      expect(await ids('/review-actions', CAROL)).toEqual(['REV-1/A-1']);
      expect(await ids('/review-actions', BOB)).toEqual(['REV-2/A-1']);
      expect((await reviews.get('/reviews', DAN)).status).toBe(403);

      // Unreadable is unknown.
      for (const path of [
        `/reviews/${payments.id}`,
        `/reviews/${payments.id}/pack`,
        `/reviews/${payments.id}/history`,
        `/reviews/${payments.id}/actions`,
      ]) {
        expect((await reviews.get(path, BOB)).status).toBe(404);
      }
      expect((await reviews.get(`/reviews/${payments.id}`, CAROL)).status).toBe(
        200,
      );
      expect(
        (await reviews.patch(payments.id, 1, { title: 'Mine' }, BOB)).status,
      ).toBe(404);
      // Scheduling runs need itsm.sla.manage (allowed here), reading nothing else.
      expect(
        (await reviews.post('/review-scheduling/runs', {}, ALICE)).status,
      ).toBe(200);
    });
  });
});
