import { setNow } from '../../__testUtils__/slaApi';
import { incidentApi } from '../../__testUtils__/incidentApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const T0 = new Date('2026-03-02T09:00:00.000Z');

describe('the measured cannot rewrite their measurement', () => {
  afterEach(() => jest.useRealTimers());

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('keeps a breached clock breached when the priority is lowered afterwards', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      setNow(T0);
      // P1 on cart (24x7): resolution due in 4 hours.
      const p1 = await incidents.createIn('in_progress', {
        impact: 1,
        urgency: 1,
      });
      expect(p1.sla.resolution).toMatchObject({ targetMs: 4 * HOUR });

      setNow(new Date(T0.getTime() + 6 * HOUR));
      // Lowered to P5 (80 hours): a re-targeted clock would now read "met".
      const lowered = await incidents.patch(p1.id, p1.version, {
        impact: 3,
        urgency: 3,
      });
      expect(lowered.status).toBe(200);
      expect(lowered.body.priority).toBe(5);
      expect(lowered.body.sla.resolution).toMatchObject({
        targetMs: 4 * HOUR,
        state: 'breached',
        breachedAt: new Date(T0.getTime() + 4 * HOUR).toISOString(),
      });
      // The stored clock keeps the priority it breached at, which reports group by.
      const [row] = await backend.knex!('itsm_sla_clocks').where({
        record_seq: Number(p1.id.slice(4)),
        clock: 'resolution',
      });
      expect(Number(row.priority)).toBe(1);
      expect(Number(row.target_ms)).toBe(4 * HOUR);

      // A running clock that has not breached yet is still re-targeted.
      const fresh = await incidents.createIn('in_progress', {
        impact: 1,
        urgency: 1,
      });
      const relaxed = await incidents.patch(fresh.id, fresh.version, {
        impact: 3,
        urgency: 3,
      });
      expect(relaxed.body.sla.resolution).toMatchObject({
        targetMs: 80 * HOUR,
        state: 'running',
      });
    });

    it('keeps counting a breach after the incident is cancelled', async () => {
      const backend = await startItsmBackend({ databaseId });
      const incidents = incidentApi(backend);
      setNow(T0);
      const breached = await incidents.createIn('in_progress', {
        impact: 1,
        urgency: 1,
      });
      const early = await incidents.createIn('in_progress', {
        impact: 1,
        urgency: 1,
      });
      const cancelEarly = await incidents.transition(early.id, early.version, {
        to: 'cancelled',
        comment: 'Raised twice',
      });
      expect(cancelEarly.status).toBe(200);

      setNow(new Date(T0.getTime() + 6 * HOUR));
      const cancelled = await incidents.transition(
        breached.id,
        breached.version,
        { to: 'cancelled', comment: 'Not our fault after all' },
      );
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.sla.resolution.state).toBe('breached');

      const counts = async (id: string) =>
        (
          await backend.knex!('itsm_sla_clocks')
            .where({ record_seq: Number(id.slice(4)), clock: 'resolution' })
            .first()
        ).counts;
      // SQLite stores booleans as 0/1.
      expect(Boolean(await counts(breached.id))).toBe(true);
      expect(Boolean(await counts(early.id))).toBe(false);
    });
  });
});
