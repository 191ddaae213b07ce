import { defaultImprovementKpi } from '@backstage-itsm/plugin-itsm-common';
import type { KnexProblemStore } from '../../problems/KnexProblemStore';
import {
  PROPOSED_BY,
  RuleContext,
  RuleResult,
  SUGGESTION_PERIOD_DAYS,
  paragraphs,
  periodOf,
  shortRef,
  sourceKey,
} from './suggestion';

const DAY_MS = 86_400_000;

/** The reads of the problem store the rule shares with problem detection. */
export type RecurrenceSource = Pick<
  KnexProblemStore,
  'recurringIncidents' | 'groupIncidents'
>;

/**
 * Recurring incidents no problem covers: the clusters problem detection looks for — N or
 * more incidents on one service with the same signature (first) or category within M days
 * (`itsm.problems.detection`), incidents an open problem explains left out — for which no
 * problem is open (a candidate included) on that service with that signature or category.
 * Where detection runs, its candidate covers a cluster; this rule proposes the clusters it
 * does not: detection switched off, a candidate dismissed, a problem closed and the incidents
 * back. A category cluster whose incidents are mostly a signature cluster's of this run is
 * left to that one.
 *
 * Key `recurrence|<service>|<signature or category>|<value>|<period>`, the period being the
 * epoch-aligned 28 days holding the latest incident: once per cluster and period. The source
 * is the latest incident (`INC-n`).
 */
export async function recurrenceSuggestions(
  rule: RuleContext,
  store: RecurrenceSource,
): Promise<RuleResult> {
  const { services, ctx, now } = rule;
  const { recurrenceThreshold: threshold, recurrenceWindowDays: days } =
    rule.deps.config.problems.detection;
  const since = new Date(now.getTime() - days * DAY_MS);
  const result: RuleResult = { considered: 0, suggestions: [] };
  // Incidents of this run's signature clusters, per service.
  const claimed = new Map<string, Set<number>>();
  for (const by of ['signature', 'category'] as const) {
    const groups = await store.recurringIncidents({
      since,
      until: now,
      threshold,
      by,
    });
    groups.sort((a, b) =>
      `${a.entityRef}|${a.value}` < `${b.entityRef}|${b.value}` ? -1 : 1,
    );
    for (const group of groups) {
      result.considered += 1;
      const { entityRef, value } = group;
      const { incidentSeqs, latestTitle } = await store.groupIncidents({
        entityRef,
        by,
        value,
        since,
        until: now,
      });
      const mine = claimed.get(entityRef) ?? new Set<number>();
      if (by === 'signature') {
        incidentSeqs.forEach(seq => mine.add(seq));
        claimed.set(entityRef, mine);
      } else if (
        incidentSeqs.filter(seq => !mine.has(seq)).length < threshold
      ) {
        continue;
      }
      if (await services.problems.hasOpenProblem({ entityRef, [by]: value })) {
        continue;
      }
      const latestId = `INC-${Math.max(...incidentSeqs)}`;
      const latest = await services.incidents.get(latestId, ctx);
      const service = shortRef(entityRef);
      const listed = incidentSeqs.map(seq => `INC-${seq}`);
      result.suggestions.push({
        sourceKey: sourceKey(
          'recurrence',
          entityRef,
          by,
          value,
          periodOf(latest.createdAt),
        ),
        input: {
          kind: 'improvement',
          type: 'process',
          title:
            by === 'signature'
              ? `Stop recurring incidents on ${service}: ${latestTitle}`
              : `Stop recurring ${value} incidents on ${service}`,
          description: paragraphs(
            `${
              group.count
            } incidents on \`${entityRef}\` with the same ${by} (\`${value}\`) within ${days} days, and no problem open on them: ${listed.join(
              ', ',
            )}.`,
            `Investigate them as a problem, or remove what keeps causing them.`,
            PROPOSED_BY,
          ),
          source: 'incident_trend',
          sourceId: latestId,
          entityRefs: [entityRef],
          benefit: 3,
          effort: 3,
          urgency: group.count >= 2 * threshold ? 4 : 3,
          kpi: defaultImprovementKpi('recurrence', {
            windowDays: SUGGESTION_PERIOD_DAYS,
            target: { kind: 'relative', percent: 50 },
            [by]: value,
          }),
        },
      });
    }
  }
  return result;
}
