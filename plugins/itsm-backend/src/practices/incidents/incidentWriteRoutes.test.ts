import { mockServices } from '@backstage/backend-test-utils';
import { incidentApi } from '../../__testUtils__/incidentApi';
import {
  ALICE,
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

describe('incident actions', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it.each([
      ['PATCH', 'patch'],
      ['a transition', 'transition'],
    ] as const)(
      'answers %s without If-Match 428, malformed 400, stale 412, and writes nothing',
      async (_name, method) => {
        const backend = await startItsmBackend({ databaseId });
        const incidents = incidentApi(backend);
        const incident = await incidents.createIn('in_progress');
        const body =
          method === 'patch' ? { title: 'Changed' } : { to: 'cancelled' };
        const send = (ifMatch?: string | number) =>
          incidents[method](incident.id, ifMatch, body);

        const missing = await send();
        expect(missing.status).toBe(428);
        expect(missing.body.error.message).toMatch(/If-Match/);
        for (const malformed of ['2', 'W/"2"', '"two"', '"2", "3"', '*']) {
          const res = await send(malformed);
          expect([malformed, res.status]).toEqual([malformed, 400]);
        }
        for (const stale of [1, 3, 99]) {
          const res = await send(stale);
          expect([stale, res.status]).toEqual([stale, 412]);
          expect(res.body.error.name).toBe('PreconditionFailedError');
        }

        expect((await incidents.get(incident.id)).body).toMatchObject({
          version: 2,
          title: 'Checkout fails',
          status: 'in_progress',
        });
        expect(await incidents.history(incident.id)).toHaveLength(2);
        expect((await send(2)).status).toBe(200);
      },
    );

    it('lets exactly one of two concurrent writers of the same version win', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const incident = await incidents.create();

      const results = await Promise.all([
        incidents.patch(incident.id, 1, { title: 'First writer' }),
        incidents.patch(incident.id, 1, { title: 'Second writer' }),
        incidents.transition(incident.id, 1, { to: 'in_progress' }),
      ]);
      const statuses = results.map(r => r.status).sort();
      expect(statuses).toEqual([200, 412, 412]);

      const history = await incidents.history(incident.id);
      expect(history.map(e => e.version)).toEqual([1, 2]);
      const winner = results.find(r => r.status === 200)!.body;
      expect((await incidents.get(incident.id)).body).toMatchObject({
        version: 2,
        title: winner.title,
        status: winner.status,
      });
    });

    it('writes nothing for a no-op PATCH and returns the record', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const incident = await incidents.create({ category: 'infrastructure' });
      backend.signals.publish.mockClear();

      for (const body of [
        {},
        { title: incident.title, category: 'infrastructure' },
        { impact: incident.impact, affectedEntityRefs: [] },
      ]) {
        const res = await incidents.patch(incident.id, 1, body);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: incident.id, version: 1 });
        expect(res.headers.etag).toBe('"1"');
      }
      expect(await incidents.history(incident.id)).toHaveLength(1);
      expect(backend.signals.publish).not.toHaveBeenCalled();
    });

    it('edits fields with one history event per write', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const incident = await incidents.create();

      const res = await incidents.patch(incident.id, 1, {
        title: 'Basket loses items',
        category: 'data',
        assignee: 'User:default/Bob',
        affectedEntityRefs: ['component:default/payments'],
        incidentManager: 'user:default/carol',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        version: 2,
        title: 'Basket loses items',
        category: 'data',
        assignee: 'user:default/bob',
        affectedEntityRefs: ['component:default/payments'],
        incidentManager: 'user:default/carol',
      });
      expect(res.headers.etag).toBe('"2"');
      const [, event] = await incidents.history(incident.id);
      expect(event).toMatchObject({
        version: 2,
        actor: ALICE,
        action: 'update',
        changes: {
          title: ['Checkout fails', 'Basket loses items'],
          category: [null, 'data'],
          assignee: [null, 'user:default/bob'],
          affectedEntityRefs: [[], ['component:default/payments']],
          incidentManager: [null, 'user:default/carol'],
        },
      });

      // The affected entity is now found by its ref.
      const list = await incidents.list(
        '?entityRef=component:default/payments',
      );
      expect(list.body.items.map((i: any) => i.id)).toEqual([incident.id]);

      const unknown = await incidents.patch(incident.id, 2, {
        affectedEntityRefs: ['component:default/nope'],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/affectedEntityRefs/);
    });

    it('re-derives the priority from impact and urgency and re-targets the clocks', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const incident = await incidents.create({ impact: 3, urgency: 3 });
      expect(incident.priority).toBe(5);
      expect(incident.major).toBe(false);

      const res = await incidents.patch(incident.id, 1, { urgency: 2 });
      expect(res.body).toMatchObject({ priority: 4, urgency: 2, major: false });
      expect(res.body.sla.resolution.targetMs).toBe(40 * 3_600_000);
      const [, event] = await incidents.history(incident.id);
      expect(event.changes).toEqual({ urgency: [3, 2], priority: [5, 4] });
    });
  });

  it.each([
    ['status', { status: 'resolved' }],
    ['priority', { priority: 1 }],
    ['sla', { sla: {} }],
    ['version', { version: 7 }],
    ['id', { id: 'INC-9' }],
    ['createdAt', { createdAt: '2026-01-01T00:00:00Z' }],
    ['updatedAt', { updatedAt: '2026-01-01T00:00:00Z' }],
    ['reporter', { reporter: 'user:default/mallory' }],
  ])('rejects a PATCH of %s with 400 naming it', async (field, body) => {
    const backend = await startItsmBackend();
    const incidents = incidentApi(backend);
    const incident = await incidents.create();
    const res = await incidents.patch(incident.id, 1, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect(await incidents.history(incident.id)).toHaveLength(1);
  });

  it('rejects outage windows that end before they start, and parents that make a cycle', async () => {
    const backend = await startItsmBackend();
    const incidents = incidentApi(backend);
    const a = await incidents.create();
    const b = await incidents.create();

    const outage = await incidents.patch(a.id, 1, {
      outageStart: '2026-03-02T10:00:00Z',
      outageEnd: '2026-03-02T09:00:00Z',
    });
    expect(outage.status).toBe(400);
    expect(outage.body.error.message).toMatch(/outageEnd/);

    expect((await incidents.patch(b.id, 1, { parentId: a.id })).status).toBe(
      200,
    );
    const cycle = await incidents.patch(a.id, 1, { parentId: b.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toMatch(/parentId.*cycle/);
    const unknown = await incidents.patch(b.id, 2, { parentId: 'INC-99' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/parentId.*INC-99/);
    const self = await incidents.patch(a.id, 1, { parentId: a.id });
    expect(self.status).toBe(400);
  });

  it('answers 409 to edits of a closed or cancelled incident', async () => {
    const backend = await startItsmBackend();
    const incidents = incidentApi(backend);
    for (const status of ['closed', 'cancelled'] as const) {
      const incident = await incidents.createIn(status);
      const res = await incidents.patch(incident.id, incident.version, {
        title: 'Too late',
      });
      expect(res.status).toBe(409);
      // A stale version is the first failure.
      const stale = await incidents.patch(incident.id, 1, {
        title: 'Too late',
      });
      expect(stale.status).toBe(412);
    }
  });

  it('answers 412 before 409 and 400 when the version is stale', async () => {
    const backend = await startItsmBackend();
    const incidents = incidentApi(backend);
    const incident = await incidents.createIn('in_progress');
    // Illegal move (in_progress → in_progress) and a missing field, both with a stale version.
    const illegal = await incidents.transition(incident.id, 1, {
      to: 'in_progress',
    });
    expect(illegal.status).toBe(412);
    const missing = await incidents.transition(incident.id, 1, {
      to: 'on_hold',
    });
    expect(missing.status).toBe(412);
    const unknown = await incidents.transition('INC-99', 1, { to: 'on_hold' });
    expect(unknown.status).toBe(404);
  });

  describe('major incidents', () => {
    it('become major by criteria on create and on a priority change, with outage start', async () => {
      const backend = await startItsmBackend();
      const incidents = incidentApi(backend);

      // payments has itsm/tier 1.
      const tier1 = await incidents.create({
        entityRef: 'component:default/payments',
        impact: 3,
        urgency: 3,
      });
      expect(tier1).toMatchObject({
        major: true,
        outageStart: tier1.createdAt,
      });
      const [created] = await incidents.history(tier1.id);
      expect(created.changes.major).toEqual([null, true]);

      const cart = await incidents.create({ impact: 2, urgency: 1 });
      expect(cart).toMatchObject({
        priority: 2,
        major: false,
        outageStart: null,
      });
      const res = await incidents.patch(cart.id, 1, { impact: 1 });
      expect(res.body).toMatchObject({
        priority: 1,
        major: true,
        outageStart: cart.createdAt,
      });
      const [, event] = await incidents.history(cart.id);
      expect(event).toMatchObject({
        changes: {
          impact: [2, 1],
          priority: [2, 1],
          major: [false, true],
          outageStart: [null, cart.createdAt],
        },
        comment: expect.stringMatching(/major/i),
      });
    });

    it('follows configured criteria', async () => {
      const backend = await startItsmBackend({
        config: {
          itsm: {
            incidents: { majorIncident: { priorities: [1, 2], tiers: [] } },
          },
        },
      });
      const incidents = incidentApi(backend);
      expect(
        (await incidents.create({ entityRef: 'component:default/payments' }))
          .major,
      ).toBe(false);
      expect((await incidents.create({ impact: 1, urgency: 2 })).major).toBe(
        true,
      );
    });

    it('are marked by PATCH, keep a timeline and need a post-incident review to close', async () => {
      const backend = await startItsmBackend();
      const incidents = incidentApi(backend);
      const incident = await incidents.create();

      const notMajor = await incidents.statusUpdate(
        incident.id,
        'Investigating',
      );
      expect(notMajor.status).toBe(409);

      const marked = await incidents.patch(incident.id, 1, {
        major: true,
        incidentManager: 'user:default/carol',
      });
      expect(marked.body).toMatchObject({
        major: true,
        incidentManager: 'user:default/carol',
        outageStart: incident.createdAt,
      });

      const update = await incidents.statusUpdate(
        incident.id,
        'Payments degraded; failing over',
      );
      expect(update.status).toBe(201);
      expect(update.body).toMatchObject({
        version: 2,
        actor: ALICE,
        action: 'status_update',
        changes: {},
        comment: 'Payments degraded; failing over',
      });
      expect((await incidents.get(incident.id)).body.version).toBe(2);

      const resolved = await incidents.move(
        await incidents.move(marked.body, 'in_progress'),
        'resolved',
      );
      const closing = await incidents.transition(
        incident.id,
        resolved.version,
        { to: 'closed' },
      );
      expect(closing.status).toBe(400);
      expect(closing.body.error.message).toMatch(/postIncidentReview/);
      expect(
        (await incidents.statusUpdate(incident.id, 'All clear')).status,
      ).toBe(409);

      // The review names a problem that exists: it becomes a link.
      const problem = await backend
        .api()
        .post('/api/itsm/problems')
        .set('Authorization', asUser())
        .send({
          title: 'Pool exhaustion',
          entityRefs: ['component:default/payments'],
          impact: 2,
          urgency: 2,
        });
      expect(problem.body.id).toBe('PRB-1');
      const reviewed = await incidents.patch(incident.id, resolved.version, {
        outageEnd: new Date(
          Date.parse(incident.createdAt) + 3_600_000,
        ).toISOString(),
        postIncidentReview: {
          summary: 'A bad deploy exhausted the pool',
          problemId: 'PRB-1',
        },
      });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body.postIncidentReview).toEqual({
        summary: 'A bad deploy exhausted the pool',
        problemId: 'PRB-1',
      });
      expect(reviewed.body.problemId).toBe('PRB-1');
      const closed = await incidents.transition(
        incident.id,
        reviewed.body.version,
        { to: 'closed' },
      );
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
    });
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('resolves the open children of a resolved parent, each with its own event', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const parent = await incidents.createIn('in_progress');
      const children = [];
      for (const status of [
        'new',
        'on_hold',
        'resolved',
        'cancelled',
      ] as const) {
        const child = await incidents.createIn(status);
        const linked = await incidents.patch(child.id, child.version, {
          parentId: parent.id,
        });
        children.push(linked.body);
      }
      const unrelated = await incidents.create();

      const res = await incidents.transition(parent.id, parent.version, {
        to: 'resolved',
        resolutionCode: 'fixed',
        resolutionNotes: 'Rolled back the deploy',
      });
      expect(res.status).toBe(200);

      const [fresh, onHold, resolved, cancelled] = await Promise.all(
        children.map(async c => (await incidents.get(c.id)).body),
      );
      for (const [before, after] of [
        [children[0], fresh],
        [children[1], onHold],
      ]) {
        expect(after).toMatchObject({
          status: 'resolved',
          version: before.version + 1,
          resolutionCode: 'fixed',
          // A pointer to the parent, not its notes (a child's reader may not read the parent).
          resolutionNotes: expect.stringContaining(parent.id),
          onHoldReason: null,
        });
        const history = await incidents.history(before.id);
        expect(history[history.length - 1]).toMatchObject({
          version: before.version + 1,
          action: 'transition',
          actor: ALICE,
          comment: `Resolved with its parent ${parent.id}`,
          changes: { status: [before.status, 'resolved'] },
        });
      }
      expect(resolved.version).toBe(children[2].version);
      expect(cancelled.version).toBe(children[3].version);
      expect((await incidents.get(unrelated.id)).body.status).toBe('new');
      expect(backend.signals.publish).toHaveBeenCalledWith(
        expect.objectContaining({
          channel: `itsm:incident:${fresh.id}`,
          message: { id: fresh.id, version: fresh.version },
        }),
      );
    });

    it('adds work notes without a new version; none on closed or cancelled incidents', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const incident = await incidents.createIn('in_progress');

      const res = await incidents.workNote(incident.id, 'Restarted **pod-3**');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        version: 2,
        at: expect.any(String),
        actor: ALICE,
        action: 'work_note',
        changes: {},
        comment: 'Restarted **pod-3**',
      });
      expect((await incidents.get(incident.id)).body.version).toBe(2);
      // The version the client holds still writes.
      expect((await incidents.move(incident, 'on_hold')).version).toBe(3);
      expect(
        (await incidents.history(incident.id)).map(e => [e.version, e.action]),
      ).toEqual([
        [1, 'create'],
        [2, 'transition'],
        [2, 'work_note'],
        [3, 'transition'],
      ]);

      for (const status of ['closed', 'cancelled'] as const) {
        const done = await incidents.createIn(status);
        expect((await incidents.workNote(done.id, 'Late')).status).toBe(409);
      }
      expect((await incidents.workNote('INC-999', 'Lost')).status).toBe(404);
      expect((await incidents.workNote(incident.id, '  ')).status).toBe(400);
    });
  });

  it('publishes signals on every write and notifies a new assignee', async () => {
    const backend = await startItsmBackend();
    const incidents = incidentApi(backend);
    const incident = await incidents.create();
    expect(backend.signals.publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: 'itsm:incidents',
      message: { id: incident.id, version: 1 },
    });
    expect(backend.notifications.send).not.toHaveBeenCalled();

    const res = await incidents.patch(incident.id, 1, {
      assignee: 'user:default/bob',
    });
    expect(backend.signals.publish).toHaveBeenCalledWith({
      recipients: { type: 'broadcast' },
      channel: `itsm:incident:${incident.id}`,
      message: { id: incident.id, version: 2 },
    });
    expect(backend.notifications.send).toHaveBeenCalledTimes(1);
    expect(backend.notifications.send).toHaveBeenCalledWith({
      recipients: {
        type: 'entity',
        entityRef: 'user:default/bob',
        excludeEntityRef: ALICE,
      },
      payload: expect.objectContaining({
        link: `/itsm/incidents/${incident.id}`,
        scope: `itsm:incident:${incident.id}:assignment`,
        title: expect.stringContaining(incident.id),
      }),
    });

    // Other edits, and assigning to oneself, notify no one.
    await incidents.patch(incident.id, 2, { title: 'Renamed' });
    await incidents.patch(incident.id, 3, { assignee: ALICE });
    expect(backend.notifications.send).toHaveBeenCalledTimes(1);
    expect(res.status).toBe(200);
  });

  it('audits updates, transitions and work notes as incident-mutate', async () => {
    const auditor = mockServices.auditor.mock();
    const success = jest.fn();
    const fail = jest.fn();
    auditor.createEvent.mockResolvedValue({ success, fail });
    const backend = await startItsmBackend({ features: [auditor.factory] });
    const incidents = incidentApi(backend);
    const incident = await incidents.create();

    await incidents.patch(incident.id, 1, { title: 'Renamed' });
    await incidents.transition(incident.id, 2, { to: 'in_progress' });
    await incidents.workNote(incident.id, 'Looking');
    await incidents.transition(incident.id, 1, { to: 'on_hold' });

    const mutations = auditor.createEvent.mock.calls
      .map(([options]) => options)
      .filter(options => options.eventId === 'incident-mutate');
    expect(mutations.map(o => [o.severityLevel, o.meta])).toEqual([
      ['medium', { actionType: 'create', entityRef: 'component:default/cart' }],
      ['medium', { actionType: 'update', incidentId: incident.id }],
      ['medium', { actionType: 'transition', incidentId: incident.id }],
      ['medium', { actionType: 'work-note', incidentId: incident.id }],
      ['medium', { actionType: 'transition', incidentId: incident.id }],
    ]);
    expect(fail).toHaveBeenCalledTimes(1);
    expect(fail.mock.calls[0][0].error.name).toBe('PreconditionFailedError');
  });
});
