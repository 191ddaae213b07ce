import {
  INCIDENT_STATUSES,
  IncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { MOVE_FIELDS, incidentApi } from '../../__testUtils__/incidentApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(120_000);

// The lifecycle of DESIGN §3, written out rather than read from -common.
const LEGAL: Record<IncidentStatus, IncidentStatus[]> = {
  new: ['in_progress', 'resolved', 'cancelled'],
  in_progress: ['on_hold', 'resolved', 'cancelled'],
  on_hold: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['in_progress', 'closed'],
  closed: [],
  cancelled: [],
};

const MOVES = INCIDENT_STATUSES.flatMap(from =>
  INCIDENT_STATUSES.map(to => ({ from, to, legal: LEGAL[from].includes(to) })),
);

describe('incident lifecycle through the API', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('allows every legal move and answers 409 to every other, writing nothing', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      const outcomes: string[] = [];
      const expected: string[] = [];

      for (const { from, to, legal } of MOVES) {
        const incident = await incidents.createIn(from);
        const res = await incidents.transition(incident.id, incident.version, {
          to,
          ...MOVE_FIELDS[to],
        });
        const after = (await incidents.get(incident.id)).body;
        // Legal moves write one version; illegal ones write nothing.
        outcomes.push(
          `${from} → ${to}: ${res.status}, now ${after.status} v${after.version}`,
        );
        expected.push(
          legal
            ? `${from} → ${to}: 200, now ${to} v${incident.version + 1}`
            : `${from} → ${to}: 409, now ${from} v${incident.version}`,
        );
      }
      expect(outcomes).toEqual(expected);
    });

    it('sets and clears on-hold reason and resolution, recording each move', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      let incident = await incidents.createIn('in_progress');

      incident = await incidents.move(incident, 'on_hold');
      expect(incident.onHoldReason).toBe('awaiting_caller');
      incident = await incidents.move(incident, 'in_progress');
      expect(incident.onHoldReason).toBeNull();

      const resolved = await incidents.transition(
        incident.id,
        incident.version,
        {
          to: 'resolved',
          resolutionCode: 'workaround',
          resolutionNotes: 'Feature flag off',
          comment: 'Customer confirmed',
        },
      );
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'Feature flag off',
      });

      const reopened = await incidents.move(resolved.body, 'in_progress');
      expect(reopened).toMatchObject({
        status: 'in_progress',
        resolutionCode: null,
        resolutionNotes: null,
      });

      const history = await incidents.history(incident.id);
      expect(history.map(e => [e.version, e.action])).toEqual([
        [1, 'create'],
        [2, 'transition'],
        [3, 'transition'],
        [4, 'transition'],
        [5, 'transition'],
        [6, 'transition'],
      ]);
      expect(history[3].changes).toEqual({
        status: ['on_hold', 'in_progress'],
        onHoldReason: ['awaiting_caller', null],
      });
      expect(history[4]).toMatchObject({
        actor: 'user:default/alice',
        comment: 'Customer confirmed',
        changes: {
          status: ['in_progress', 'resolved'],
          resolutionCode: [null, 'workaround'],
          resolutionNotes: [null, 'Feature flag off'],
          resolvedAt: [null, expect.any(String)],
        },
      });
      expect(history[5].changes).toEqual({
        status: ['resolved', 'in_progress'],
        resolutionCode: ['workaround', null],
        resolutionNotes: ['Feature flag off', null],
        resolvedAt: [history[4].changes.resolvedAt[1], null],
      });
    });
  });

  it.each([
    [
      'on hold without a reason',
      'in_progress',
      { to: 'on_hold' },
      /onHoldReason/,
    ],
    [
      'resolve without a code',
      'in_progress',
      { to: 'resolved', resolutionNotes: 'Done' },
      /resolutionCode/,
    ],
    [
      'resolve without notes',
      'new',
      { to: 'resolved', resolutionCode: 'fixed' },
      /resolutionNotes/,
    ],
    [
      'a reason on a move that takes none',
      'new',
      { to: 'in_progress', onHoldReason: 'awaiting_caller' },
      /onHoldReason/,
    ],
    ['an unknown status', 'new', { to: 'open' }, /to/],
    [
      'an unknown field',
      'new',
      { to: 'in_progress', status: 'in_progress' },
      /status/,
    ],
    [
      'an unknown on-hold reason',
      'in_progress',
      { to: 'on_hold', onHoldReason: 'lunch' },
      /onHoldReason/,
    ],
  ] as const)(
    'answers 400 to %s and writes nothing',
    async (_name, from, body, message) => {
      const backend = await startItsmBackend();
      const incidents = incidentApi(backend);
      const incident = await incidents.createIn(from);

      const res = await incidents.transition(
        incident.id,
        incident.version,
        body,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect((await incidents.get(incident.id)).body.version).toBe(
        incident.version,
      );
    },
  );

  it('answers 409 before 400 when the move is illegal and lacks its fields', async () => {
    const backend = await startItsmBackend();
    const incidents = incidentApi(backend);
    const closed = await incidents.createIn('closed');
    const res = await incidents.transition(closed.id, closed.version, {
      to: 'on_hold',
    });
    expect(res.status).toBe(409);
  });
});
