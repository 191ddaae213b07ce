import { Entity } from '@backstage/catalog-model';
import {
  Improvement,
  ImprovementCreateRequest,
  improvementCreateSchema,
  problemCreateSchema,
  reviewActionCreateSchema,
  reviewCreateSchema,
  slaCreateSchema,
  supportingAgreementCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  newOla,
  newSla,
  newUc,
  setNow,
} from '../../../../__testUtils__/slaApi';
import { testEntities } from '../../../../__testUtils__/testBackend';
import type { ItsmServiceDeps, ItsmServices } from '../../../../services';
import {
  insertBreach,
  insertChange,
  insertIncident,
  insertRating,
} from '../../measure/__testUtils__/kpiRows';
import type { ImprovementProposer } from '../suggestion';

export const PAYMENTS = 'component:default/payments';
export const CART = 'component:default/cart';
export const SEARCH = 'component:default/search';
export const CHECKOUT = 'component:default/checkout';

/** The test catalog and two more services owned by team-a. */
export const suggestionEntities: Entity[] = [
  ...testEntities,
  ...['search', 'checkout'].map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  })),
];

/** The instant the suggester runs: the last full month is February 2026. */
export const NOW = new Date('2026-03-10T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

/** A register that proposes each key once (as the practice's unique index does). */
export function fakeRegister(): ImprovementProposer & {
  items: Map<string, { id: string; input: ImprovementCreateRequest }>;
} {
  const items = new Map<
    string,
    { id: string; input: ImprovementCreateRequest }
  >();
  return {
    items,
    async propose(input, sourceKey) {
      improvementCreateSchema.parse(input);
      if (items.has(sourceKey)) return null;
      const id = `IMP-${items.size + 1}`;
      items.set(sourceKey, { id, input });
      return { id } as Improvement;
    },
  };
}

/**
 * What each rule finds, one case over its threshold and the near misses beside it (the
 * comments say which rule proposes what). Leaves the clock at {@link NOW}.
 */
export async function seedSuggestions(
  knex: Knex,
  services: ItsmServices,
  deps: ItsmServiceDeps,
): Promise<void> {
  const ctx = { credentials: await deps.auth.getOwnServiceCredentials() };
  setNow('2026-01-01T00:00:00.000Z');

  // SLAs: payments (SLA-1) with CSAT and change success targets and P1/P2 targets; cart
  // (SLA-2) with a CSAT target and no change success rate; search (SLA-3) likewise.
  const sla = (overrides: Record<string, unknown>) =>
    services.slas.create(slaCreateSchema.parse(newSla(overrides)), ctx);
  await sla({
    targets: {
      incidents: {
        p1: { response: { duration: '15m' }, resolution: { duration: '4h' } },
        p2: { response: { duration: '1h' }, resolution: { duration: '8h' } },
      },
      availabilityPercent: 99.9,
      csatPercent: 80,
      changeSuccessRatePercent: 90,
    },
  });
  for (const entityRef of [CART, SEARCH]) {
    await sla({
      entityRef,
      title: `${entityRef} SLA`,
      calendarId: '24x7',
      targets: {
        incidents: {},
        availabilityPercent: 99.9,
        csatPercent: 80,
      },
    });
  }
  // Alignment: an OLA looser than SLA-1 at P1 resolution (6 h against 4 h): a finding; a UC
  // with a higher availability than cart's SLA-2: aligned.
  await services.supportingAgreements.create(
    supportingAgreementCreateSchema.parse(
      newOla({
        slaIds: ['SLA-1'],
        targets: {
          incidents: {
            p1: {
              response: { duration: '10m' },
              resolution: { duration: '6h' },
            },
          },
        },
      }),
    ),
    ctx,
  );
  await services.supportingAgreements.create(
    supportingAgreementCreateSchema.parse(
      newUc({ entityRef: CART, slaIds: ['SLA-2'] }),
    ),
    ctx,
  );

  // Repeated breaches (28 days before NOW: from 10 February 12:00).
  const host = async (entityRef: string) =>
    insertIncident(knex, { entityRef, createdAt: at('2026-02-01T00:00:00Z') });
  const p = await host(PAYMENTS);
  const c = await host(CART);
  const breach = (o: Parameters<typeof insertBreach>[1]) =>
    insertBreach(knex, o);
  // Payments SLA-1 P2 resolution: 3 in the period (and one before it): proposed.
  for (const day of ['2026-02-05', '2026-02-20', '2026-03-01', '2026-03-08']) {
    await breach({
      incidentSeq: p,
      entityRef: PAYMENTS,
      priority: 2,
      slaSeq: 1,
      breachedAt: at(`${day}T10:00:00Z`),
    });
  }
  // Payments SLA-1 P2 response: 1.
  await breach({
    incidentSeq: p,
    entityRef: PAYMENTS,
    priority: 2,
    slaSeq: 1,
    clock: 'response',
    breachedAt: at('2026-03-02T10:00:00Z'),
  });
  // Cart default P3 resolution: 2, and a third waived.
  await breach({
    incidentSeq: c,
    entityRef: CART,
    priority: 3,
    breachedAt: at('2026-02-15T10:00:00Z'),
  });
  await breach({
    incidentSeq: c,
    entityRef: CART,
    priority: 3,
    breachedAt: at('2026-02-25T10:00:00Z'),
  });
  await breach({
    incidentSeq: c,
    entityRef: CART,
    priority: 3,
    breachedAt: at('2026-03-05T10:00:00Z'),
    waived: true,
  });
  // Payments SLA-1 P3 resolution: 3, one already naming an improvement item.
  await breach({
    incidentSeq: p,
    entityRef: PAYMENTS,
    priority: 3,
    slaSeq: 1,
    breachedAt: at('2026-02-21T10:00:00Z'),
  });
  await breach({
    incidentSeq: p,
    entityRef: PAYMENTS,
    priority: 3,
    slaSeq: 1,
    breachedAt: at('2026-02-22T10:00:00Z'),
    improvementId: 'IMP-77',
  });
  await breach({
    incidentSeq: p,
    entityRef: PAYMENTS,
    priority: 3,
    slaSeq: 1,
    breachedAt: at('2026-02-23T10:00:00Z'),
  });

  // CSAT in February: payments 2 of 5 satisfied (40% < 80%): proposed; cart 4 ratings (too
  // few); search 4 of 5 (80%, met).
  const rate = (entityRef: string, ratings: number[]) =>
    Promise.all(
      ratings.map((rating, i) =>
        insertRating(knex, {
          entityRef,
          rating,
          submittedAt: at(`2026-02-1${i}T10:00:00Z`),
        }),
      ),
    );
  await rate(PAYMENTS, [5, 4, 2, 1, 1]);
  await rate(CART, [1, 1, 1, 1]);
  await rate(SEARCH, [5, 5, 5, 4, 1]);

  // Changes closed in February: payments 1 failed of 5 (20% > 100 − 90): proposed; cart 1 of
  // 6 (16.7% > the default 15%): proposed; search 1 of 7 (14.3%): not; checkout 4 of 4 (too
  // few changes); search's failure in March is another month.
  const changes = async (entityRef: string, outcomes: string[]) => {
    for (const [i, outcome] of outcomes.entries()) {
      await insertChange(knex, {
        entityRefs: [entityRef],
        outcome,
        updatedAt: at(`2026-02-1${i}T10:00:00Z`),
      });
    }
  };
  await changes(PAYMENTS, [
    'successful',
    'failed',
    'successful',
    'successful',
    'successful_with_issues',
  ]);
  await changes(CART, [
    'successful',
    'successful',
    'backed_out',
    'successful',
    'successful',
    'successful_with_issues',
  ]);
  await changes(SEARCH, [
    'successful',
    'successful',
    'successful',
    'failed',
    'successful',
    'successful',
    'successful',
  ]);
  await changes(CHECKOUT, ['failed', 'failed', 'failed', 'failed']);
  await insertChange(knex, {
    entityRefs: [SEARCH],
    outcome: 'failed',
    updatedAt: at('2026-03-02T10:00:00Z'),
  });

  // Recurring incidents (threshold 3 in 7 days: from 3 March 12:00): payments' DiskFull
  // signature (3, also its storage category: left to the signature); cart's database
  // category (3); search's Slow signature (2); checkout's Oom (3) under an open problem.
  const recurring = async (
    entityRef: string,
    days: string[],
    fields: { category?: string; signature?: string; title: string },
  ) => {
    for (const day of days) {
      await insertIncident(knex, {
        entityRef,
        createdAt: at(`${day}T09:00:00Z`),
        ...fields,
      });
    }
  };
  await recurring(PAYMENTS, ['2026-03-05', '2026-03-07', '2026-03-09'], {
    category: 'storage',
    signature: 'alertmanager:DiskFull',
    title: 'Disk full on payments-db',
  });
  await recurring(CART, ['2026-03-04', '2026-03-06', '2026-03-08'], {
    category: 'database',
    title: 'Cart cannot reach its database',
  });
  await recurring(SEARCH, ['2026-03-05', '2026-03-06'], {
    signature: 'alertmanager:Slow',
    title: 'Search is slow',
  });
  await recurring(CHECKOUT, ['2026-03-05', '2026-03-06', '2026-03-07'], {
    signature: 'alertmanager:Oom',
    title: 'Checkout out of memory',
  });
  await services.problems.create(
    problemCreateSchema.parse({
      title: 'Checkout runs out of memory',
      entityRefs: [CHECKOUT],
      signature: 'alertmanager:Oom',
      impact: 2,
      urgency: 2,
    }),
    ctx,
  );

  // Review actions of a payments review: A-1 due 1 March and open (overdue): proposed; A-2
  // due later; A-3 done late; A-4 due today (overdue only from tomorrow).
  setNow('2026-02-01T00:00:00.000Z');
  const review = await services.reviews.create(
    reviewCreateSchema.parse({
      entityRef: PAYMENTS,
      scheduledFor: '2026-02-16T10:00:00.000Z',
    }),
    ctx,
  );
  const action = (title: string, dueDate: string) =>
    services.reviewActions.create(
      review.id,
      reviewActionCreateSchema.parse({
        title,
        owner: 'user:default/bob',
        dueDate,
      }),
      ctx,
    );
  await action('Publish the maintenance calendar', '2026-03-01');
  await action('Review the on-call rota', '2026-03-20');
  const done = await action('Fix the status page', '2026-02-20');
  await action('Train the new agents', '2026-03-10');
  await knex('itsm_review_actions')
    .where({ number: done.number })
    .update({ status: 'done', completed_at: at('2026-03-05T10:00:00Z') });

  setNow(NOW);
}
