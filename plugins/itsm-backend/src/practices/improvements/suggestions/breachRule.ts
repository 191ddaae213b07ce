import {
  SlaBreach,
  defaultImprovementKpi,
} from '@backstage-itsm/plugin-itsm-common';
import {
  PROPOSED_BY,
  RuleContext,
  RuleResult,
  SUGGESTION_PERIOD_DAYS,
  duration,
  paragraphs,
  periodOf,
  shortRef,
  sourceKey,
} from './suggestion';

/** Breaches of one target within the period that make a suggestion. */
export const REPEATED_BREACHES = 3;
const DAY_MS = 86_400_000;
const PAGE = 200;

const later = (a: SlaBreach, b: SlaBreach) =>
  a.breachedAt === b.breachedAt
    ? Number(a.id.slice(4)) > Number(b.id.slice(4))
    : a.breachedAt > b.breachedAt;

/**
 * Repeated breaches of one target: {@link REPEATED_BREACHES} or more breaches, not waived,
 * of the same target — service, SLA (or the configured defaults), clock and priority —
 * breached in the {@link SUGGESTION_PERIOD_DAYS} days before the run. A target whose breaches
 * include one that already names an improvement item (raised by hand or proposed before) is
 * being worked on and left alone.
 *
 * Key `sla-breaches|<service>|<SLA-n or default>|<clock>|p<priority>|<period>`, the period
 * being the epoch-aligned 28 days holding the latest breach: a target gets at most one
 * suggestion per period, and only for a breach that is new in it.
 */
export async function breachSuggestions(
  rule: RuleContext,
): Promise<RuleResult> {
  const { services, now, ctx } = rule;
  const since = new Date(now.getTime() - SUGGESTION_PERIOD_DAYS * DAY_MS);
  const byTarget = new Map<string, SlaBreach[]>();
  let cursor: string | undefined;
  do {
    const page = await services.breaches.list(
      {
        from: since.toISOString(),
        to: now.toISOString(),
        waived: 'false',
        limit: PAGE,
        cursor,
      },
      ctx,
    );
    for (const breach of page.items) {
      const target = [
        breach.entityRef,
        breach.slaId ?? 'default',
        breach.clock,
        `p${breach.priority}`,
      ].join('|');
      byTarget.set(target, [...(byTarget.get(target) ?? []), breach]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  const result: RuleResult = { considered: byTarget.size, suggestions: [] };
  for (const [target, breaches] of [...byTarget].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    if (breaches.length < REPEATED_BREACHES) continue;
    if (breaches.some(b => b.improvementId !== null)) continue;
    const ordered = [...breaches].sort((a, b) => (later(a, b) ? 1 : -1));
    const latest = ordered[ordered.length - 1];
    const { entityRef, clock, priority, slaId } = latest;
    const agreed = slaId
      ? `${slaId}'s P${priority} ${clock} target (${duration(latest.targetMs)})`
      : `the configured default P${priority} ${clock} target (${duration(
          latest.targetMs,
        )})`;
    const nonconformity = `${
      breaches.length
    } breaches of ${agreed} on \`${entityRef}\` in the ${SUGGESTION_PERIOD_DAYS} days to ${now
      .toISOString()
      .slice(0, 10)}, none waived: ${ordered
      .map(b => `${b.id} (${b.recordId}, ${b.breachedAt.slice(0, 10)})`)
      .join(', ')}.`;
    result.suggestions.push({
      sourceKey: sourceKey('sla-breaches', target, periodOf(latest.breachedAt)),
      input: {
        // A breach of an agreed target is a nonconformity (ISO/IEC 20000-1 10.1).
        kind: 'corrective_action',
        type: 'process',
        title: `Stop repeated P${priority} ${clock} breaches on ${shortRef(
          entityRef,
        )}: ${breaches.length} in ${SUGGESTION_PERIOD_DAYS} days`,
        description: paragraphs(nonconformity, PROPOSED_BY),
        source: 'sla_breach',
        sourceId: latest.id,
        entityRefs: [entityRef],
        nonconformity,
        benefit: 4,
        effort: 3,
        urgency: priority <= 2 ? 5 : 4,
        kpi: defaultImprovementKpi('breach_count', {
          priority,
          windowDays: SUGGESTION_PERIOD_DAYS,
          target: { kind: 'relative', percent: 50 },
        }),
      },
    });
  }
  return result;
}
