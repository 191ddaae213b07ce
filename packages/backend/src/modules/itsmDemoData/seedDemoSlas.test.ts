import { mockServices } from '@backstage/backend-test-utils';
import {
  ALWAYS_ON,
  ServiceCalendar,
  checkAlignment,
  slaCreateSchema,
  slaPatchSchema,
  supportingAgreementCreateSchema,
  validateSla,
  validateSupportingAgreement,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { seedDemoSlas } from './seedDemoSlas';

// The demo calendars of app-config.yaml the SLAs name (hours only; holidays do not matter here).
const weekdays = (from: string, to: string) =>
  Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map(day => [day, [[from, to]]]),
  );
const calendars = new Map<string, ServiceCalendar>([
  [ALWAYS_ON.id, ALWAYS_ON],
  [
    'business-hours-eu',
    {
      id: 'business-hours-eu',
      timezone: 'Europe/Berlin',
      hours: weekdays('08:00', '18:00'),
    },
  ],
]);

const NOW = new Date('2026-11-27T10:00:00Z');
const DAY = 86_400_000;

function recordingContext() {
  const calls: Array<{ op: string; at: number; actor: string; body: any }> = [];
  let seq = 0;
  const unused = () => {
    throw new Error('the SLA seed writes only agreements');
  };
  const context: ItsmImportContext = {
    isEmpty: async () => true,
    incidents: unused,
    changes: unused,
    changeTemplates: unused,
    problems: unused,
    agreements: ({ now }) => ({
      async createSla(input, actor) {
        calls.push({ op: 'sla', at: now().getTime(), actor, body: input });
        seq += 1;
        return { id: `SLA-${seq}` } as any;
      },
      async patchSla(id, body, actor) {
        calls.push({ op: `patch ${id}`, at: now().getTime(), actor, body });
        return { id } as any;
      },
      async createSupportingAgreement(input, actor) {
        calls.push({ op: input.kind, at: now().getTime(), actor, body: input });
        return { id: `${input.kind.toUpperCase()}-1` } as any;
      },
    }),
  };
  return { context, calls };
}

describe('seedDemoSlas', () => {
  it('writes valid agreements before the demo incidents, as the owning teams', async () => {
    const { context, calls } = recordingContext();
    await seedDemoSlas(context, {
      now: NOW,
      logger: mockServices.logger.mock(),
    });
    const slas = calls.filter(c => c.op === 'sla');
    expect(slas.map(c => c.body.entityRef)).toEqual([
      'component:default/acme-web',
      'component:default/payments-service',
      'component:default/checkout-service',
      'component:default/identity-service',
    ]);
    for (const call of slas) {
      const parsed = slaCreateSchema.parse(call.body);
      const effectiveFrom = parsed.effectiveFrom!;
      expect(() =>
        validateSla({ ...parsed, effectiveFrom }, { calendars }),
      ).not.toThrow();
      // In force before the 90 days of demo incidents begin, and not before the import's clock
      // (terms cannot be backdated).
      expect(Date.parse(effectiveFrom)).toBeLessThanOrEqual(
        NOW.getTime() - 90 * DAY,
      );
      expect(Date.parse(effectiveFrom)).toBeGreaterThanOrEqual(call.at);
    }
    expect(slas[0].actor).toBe('user:default/emma.schulz');
    expect(slas[1].actor).toBe('user:default/sofia.rossi');

    const supporting = calls.filter(c => c.op === 'ola' || c.op === 'uc');
    expect(supporting).toHaveLength(2);
    const payments = slaCreateSchema.parse(slas[1].body);
    for (const call of supporting) {
      const parsed = supportingAgreementCreateSchema.parse(call.body);
      const effectiveFrom = parsed.effectiveFrom!;
      expect(parsed.slaIds).toEqual(['SLA-2']);
      expect(() =>
        validateSupportingAgreement(
          { ...parsed, effectiveFrom },
          { calendars },
        ),
      ).not.toThrow();
      expect(Date.parse(effectiveFrom)).toBeGreaterThanOrEqual(call.at);
    }
    // Each underpinning agreement has one target looser than the SLA: the demo shows findings.
    const findings = checkAlignment(
      { id: 'SLA-2', ...payments },
      supporting.map(c => ({
        id: c.op.toUpperCase(),
        ...supportingAgreementCreateSchema.parse(c.body),
      })),
      { calendars },
    );
    expect(findings.map(f => `${f.agreementId} ${f.field}`).sort()).toEqual([
      'OLA targets.incidents.p2.resolution',
      'UC targets.availabilityPercent',
    ]);

    const [patch] = calls.filter(c => c.op.startsWith('patch'));
    expect(patch.op).toBe('patch SLA-3');
    expect(() => slaPatchSchema.parse(patch.body)).not.toThrow();
    expect(patch.at).toBe(NOW.getTime() - 30 * DAY);
    expect(Date.parse(patch.body.effectiveFrom)).toBeGreaterThanOrEqual(
      patch.at,
    );
  });
});
