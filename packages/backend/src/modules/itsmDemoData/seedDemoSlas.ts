import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ServiceLevelTargets,
  SlaCreateRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { TEAMS } from './demoOrg';

const DAY = 24 * 60 * 60_000;

const owner = (team: string) => `user:default/${TEAMS[team][0]}`;

/** Customer-facing services: P1 and P2 around the clock, the rest in EU business hours. */
const customerFacing: ServiceLevelTargets & { availabilityPercent: number } = {
  incidents: {
    p1: {
      response: { duration: '15m', calendarId: '24x7' },
      resolution: { duration: '4h', calendarId: '24x7' },
    },
    p2: {
      response: { duration: '30m', calendarId: '24x7' },
      resolution: { duration: '8h', calendarId: '24x7' },
    },
    p3: { response: { duration: '2h' }, resolution: { duration: '16h' } },
    p4: { response: { duration: '8h' }, resolution: { duration: '40h' } },
  },
  availabilityPercent: 99.9,
  changeSuccessRatePercent: 95,
  csatPercent: 90,
};

const EXCEPTIONS = [
  'The targets do not apply to:',
  '',
  '- planned maintenance announced 5 working days ahead on the status page (at most 4 hours a month),',
  '- outages of the card networks or acquiring banks outside Acme Payments,',
  '- incidents caused by a merchant integration that does not follow the published API.',
].join('\n');

/**
 * SLAs agreed four months before `now` (so every demo incident runs against them), one of them
 * revised a month ago; an OLA with the SRE team and an underpinning contract with the hosting
 * provider under the payments SLA, each with a target looser than the SLA's (the alignment check
 * flags them). Must run before the incidents are written.
 */
export async function seedDemoSlas(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService },
): Promise<number> {
  const start = options.now.getTime() - 120 * DAY;
  let clock = start;
  const importer = context.agreements({ now: () => new Date(clock) });
  const effectiveFrom = new Date(start).toISOString();

  const slas: Array<SlaCreateRequest & { team: string }> = [
    {
      team: 'checkout-team',
      entityRef: 'component:default/acme-web',
      title: 'Acme web shop for merchants and shoppers',
      customerGroups: ['group:default/merchants'],
      calendarId: 'business-hours-eu',
      targets: customerFacing,
      workloadLimits: { incidentsPerMonth: 40, majorIncidentsPerMonth: 2 },
      exceptions: EXCEPTIONS,
      reviewCadence: 'monthly',
      effectiveFrom,
      lastReviewedAt: new Date(options.now.getTime() - 20 * DAY).toISOString(),
    },
    {
      team: 'payments-team',
      entityRef: 'component:default/payments-service',
      title: 'Card payments processing',
      customerGroups: ['group:default/merchants'],
      calendarId: 'business-hours-eu',
      targets: { ...customerFacing, availabilityPercent: 99.95 },
      workloadLimits: {
        incidentsPerMonth: 30,
        majorIncidentsPerMonth: 1,
        changesPerMonth: 20,
      },
      exceptions: EXCEPTIONS,
      reviewCadence: 'quarterly',
      effectiveFrom,
      // Last reviewed four months ago: the quarterly review is overdue.
      lastReviewedAt: effectiveFrom,
    },
    {
      team: 'checkout-team',
      entityRef: 'component:default/checkout-service',
      title: 'Checkout',
      customerGroups: ['group:default/merchants'],
      calendarId: 'business-hours-eu',
      targets: customerFacing,
      workloadLimits: { incidentsPerMonth: 40 },
      exceptions: EXCEPTIONS,
      reviewCadence: 'quarterly',
      effectiveFrom,
    },
    {
      team: 'platform-team',
      entityRef: 'component:default/identity-service',
      title: 'Sign-in and identity for internal tools',
      customerGroups: ['group:default/operations'],
      calendarId: 'business-hours-eu',
      targets: {
        incidents: {
          p2: { response: { duration: '1h' }, resolution: { duration: '1d' } },
          p3: { response: { duration: '4h' }, resolution: { duration: '3d' } },
        },
        availabilityPercent: 99.5,
      },
      workloadLimits: { incidentsPerMonth: 25 },
      exceptions: 'Planned maintenance on Tuesdays 07:00–08:00 CET.',
      reviewCadence: 'semiannual',
      effectiveFrom,
    },
  ];

  const created = new Map<string, string>();
  for (const { team, ...sla } of slas) {
    const record = await importer.createSla(sla, owner(team));
    created.set(sla.entityRef, record.id);
  }

  // The payments SLA is underpinned by the SRE on-call OLA and the hosting contract.
  clock = start + DAY;
  const paymentsSla = created.get('component:default/payments-service')!;
  await importer.createSupportingAgreement(
    {
      kind: 'ola',
      entityRef: 'component:default/payments-service',
      title: 'SRE on-call for card payments',
      internalGroup: 'group:default/sre-team',
      slaIds: [paymentsSla],
      calendarId: '24x7',
      targets: {
        incidents: {
          p1: {
            response: { duration: '10m' },
            resolution: { duration: '3h' },
          },
          // Looser than the SLA's 8 hours: the alignment check flags it.
          p2: {
            response: { duration: '30m' },
            resolution: { duration: '12h' },
          },
        },
        availabilityPercent: 99.95,
      },
      reviewCadence: 'quarterly',
      effectiveFrom: new Date(clock).toISOString(),
    },
    owner('payments-team'),
  );
  await importer.createSupportingAgreement(
    {
      kind: 'uc',
      entityRef: 'component:default/payments-service',
      title: 'Managed Kubernetes and databases',
      supplier: 'CloudHost GmbH',
      contractRef: 'CH-2026-114',
      slaIds: [paymentsSla],
      calendarId: '24x7',
      targets: {
        incidents: {
          p1: { response: { duration: '15m' }, resolution: { duration: '4h' } },
        },
        // Lower than the SLA's 99.95%: flagged.
        availabilityPercent: 99.9,
      },
      reviewCadence: 'annual',
      effectiveFrom: new Date(clock).toISOString(),
    },
    owner('payments-team'),
  );

  // A month ago checkout tightened its P2 resolution target: revision 2.
  clock = options.now.getTime() - 30 * DAY;
  const checkout = created.get('component:default/checkout-service')!;
  await importer.patchSla(
    checkout,
    {
      targets: {
        ...customerFacing,
        incidents: {
          ...customerFacing.incidents,
          p2: {
            response: { duration: '30m', calendarId: '24x7' },
            resolution: { duration: '6h', calendarId: '24x7' },
          },
        },
      },
      effectiveFrom: new Date(clock).toISOString(),
    },
    owner('checkout-team'),
  );
  options.logger.info(
    `ITSM demo data: ${slas.length} SLAs, an OLA and an underpinning contract written`,
  );
  return slas.length;
}
