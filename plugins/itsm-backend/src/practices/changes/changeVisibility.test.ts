import {
  ANSWERS,
  PRIYA,
  SEARCH,
  changeApi,
  changeEntities,
  windowIn,
} from '../../__testUtils__/changeApi';
import {
  asUser,
  databases,
  startItsmBackend,
} from '../../__testUtils__/testBackend';
import { permissionsFor } from '../../__testUtils__/permissions';

jest.setTimeout(120_000);

const BOB = 'user:default/bob';

/** Everyone may do everything, except that Bob reads and edits only the changes he requested. */
const permissions = permissionsFor(BOB, { changeRequesters: [BOB] });

describe.each(databases.eachSupportedId())(
  'what changes tell about changes the caller may not read, on %p',
  databaseId => {
    it('names a conflicting change only to those who may read it, and counts only readable changes', async () => {
      const backend = await startItsmBackend({
        databaseId,
        entities: changeEntities,
        config: {},
        features: [permissions.factory],
      });
      const changes = changeApi(backend);
      const window = windowIn(48);
      const hidden = await changes.inAuthorization(PRIYA, {
        entityRefs: [SEARCH],
        title: 'Secret migration of the search cluster',
        ...window,
      });
      const mine = await changes.create(BOB, {
        entityRefs: [SEARCH],
        ...window,
      });

      // Priya sees which change hers conflicts with; Bob learns that one exists, not which.
      const asPriya = await changes.get(mine.id, PRIYA);
      expect(asPriya.body.conflicts).toContainEqual(
        expect.objectContaining({ kind: 'overlap', with: hidden.id }),
      );
      const asBob = await changes.get(mine.id, BOB);
      expect(asBob.status).toBe(200);
      expect(asBob.body.conflicts.length).toBeGreaterThan(0);
      for (const conflict of asBob.body.conflicts) {
        expect(conflict.with).toBeUndefined();
        expect(conflict.message).not.toContain(hidden.id);
        expect(conflict.message).toMatch(/A change you may not see/);
      }

      // The same for the assessment of a form, and in the change calendar.
      const assessment = await backend
        .api()
        .post('/api/itsm/change-assessments')
        .set('Authorization', asUser(BOB))
        .send({
          type: 'normal',
          entityRefs: [SEARCH],
          riskAnswers: ANSWERS.low,
          ...window,
        });
      expect(assessment.status).toBe(200);
      expect(JSON.stringify(assessment.body.conflicts)).not.toContain(
        hidden.id,
      );
      expect(assessment.body.conflicts.length).toBeGreaterThan(0);

      // Change-failure figures count the changes the caller may read.
      await backend.knex!('itsm_changes')
        .where({ seq: Number(hidden.id.slice(4)) })
        .update({
          status: 'closed',
          outcome: 'failed',
          actual_start: new Date(Date.now() - 3_600_000),
          actual_end: new Date(Date.now() - 1_800_000),
        });
      const stats = (user: string) =>
        backend
          .api()
          .get(`/api/itsm/change-stats?entityRef=${SEARCH}&days=30`)
          .set('Authorization', asUser(user));
      expect((await stats(PRIYA)).body).toMatchObject({ total: 1, failed: 1 });
      expect((await stats(BOB)).body).toMatchObject({ total: 0, failed: 0 });
    });
  },
);
