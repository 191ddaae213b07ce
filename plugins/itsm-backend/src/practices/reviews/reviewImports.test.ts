import { createBackendModule } from '@backstage/backend-plugin-api';
import type { SlaCreateRequest } from '@backstage-itsm/plugin-itsm-common';
import { itsmImportsExtensionPoint } from '@backstage-itsm/plugin-itsm-node';
import {
  PAYMENTS,
  newSla,
  ownershipUserInfo,
  slaApi,
} from '../../__testUtils__/slaApi';
import { databases, startItsmBackend } from '../../__testUtils__/testBackend';
import {
  ALICE,
  BOB,
  REVIEW_OWNERSHIP,
  reviewApi,
  reviewEntities,
} from './__testUtils__/reviewApi';

jest.setTimeout(120_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

describe('review imports', () => {
  it.each(databases.eachSupportedId())(
    'write a whole review at the import clock, quietly, with the sign-off of the customer named, %p',
    async databaseId => {
      const start = Date.parse('2025-06-02T08:00:00.000Z');
      let clock = start;
      const held = start + 90 * DAY;
      let done: (error?: unknown) => void;
      const finished = new Promise<unknown>(resolve => {
        done = resolve;
      });
      const importModule = createBackendModule({
        pluginId: 'itsm',
        moduleId: 'test-review-import',
        register(reg) {
          reg.registerInit({
            deps: { imports: itsmImportsExtensionPoint },
            async init({ imports }) {
              imports.addImport('reviews', async context => {
                try {
                  const now = () => new Date(clock);
                  await context
                    .agreements({ now })
                    .createSla(
                      newSla({ effectiveFrom: iso(clock) }) as SlaCreateRequest,
                      ALICE,
                    );
                  const reviews = context.reviews!({ now });
                  clock = start + 80 * DAY;
                  let review = await reviews.create(
                    { entityRef: PAYMENTS, scheduledFor: iso(held) },
                    ALICE,
                  );
                  review = await reviews.freezePack(review.id, ALICE);
                  review = await reviews.transition(
                    review.id,
                    { to: 'prepared' },
                    ALICE,
                  );
                  clock = held + HOUR;
                  review = await reviews.transition(
                    review.id,
                    {
                      to: 'held',
                      heldAt: iso(held),
                      minutes: 'On target',
                      attendees: [ALICE],
                    },
                    ALICE,
                  );
                  const action = await reviews.addAction(
                    review.id,
                    {
                      title: 'Write it up',
                      owner: ALICE,
                      dueDate: '2025-09-15',
                    },
                    ALICE,
                  );
                  // Bob is no member of the customer group: an import names the signer.
                  await reviews.signOff(review.id, { comment: 'OK' }, BOB);
                  await reviews.transition(review.id, { to: 'closed' }, ALICE);
                  clock = held + 2 * DAY;
                  await reviews.patchAction(
                    action.id,
                    { status: 'done' },
                    ALICE,
                  );
                  done();
                } catch (error) {
                  done(error);
                }
              });
            },
          });
        },
      });
      const backend = await startItsmBackend({
        databaseId,
        entities: reviewEntities,
        features: [ownershipUserInfo(REVIEW_OWNERSHIP), importModule],
      });
      expect(await finished).toBeUndefined();
      const reviews = reviewApi(backend);
      const review = (await reviews.get('/reviews/REV-1')).body;
      expect(review).toMatchObject({
        status: 'closed',
        createdAt: iso(start + 80 * DAY),
        packFrozenAt: iso(start + 80 * DAY),
        heldAt: iso(held),
        signedOffBy: BOB,
        closedAt: iso(held + HOUR),
        openActionCount: 0,
      });
      const history = await reviews.history('REV-1');
      expect(history.map(e => [e.action, e.at])).toEqual([
        ['create', iso(start + 80 * DAY)],
        ['pack-frozen', iso(start + 80 * DAY)],
        ['transition', iso(start + 80 * DAY)],
        ['transition', iso(held + HOUR)],
        ['action-added', iso(held + HOUR)],
        ['sign-off', iso(held + HOUR)],
        ['transition', iso(held + HOUR)],
        ['action-updated', iso(held + 2 * DAY)],
      ]);
      const sla = (await slaApi(backend).slas.get('SLA-1')).body;
      expect(sla.lastReviewedAt).toBe(iso(held));
      expect(backend.notifications.send).not.toHaveBeenCalled();
      expect(backend.signals.publish).not.toHaveBeenCalled();
    },
  );
});
