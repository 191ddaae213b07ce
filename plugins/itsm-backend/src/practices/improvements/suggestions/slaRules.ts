import {
  AlignmentFinding,
  MIN_IMPROVEMENT_EVENTS,
  ServiceLevelAgreement,
  defaultImprovementKpi,
} from '@backstage-itsm/plugin-itsm-common';
import type { KnexKpiStore } from '../measure/KnexKpiStore';
import {
  PROPOSED_BY,
  RuleContext,
  RuleResult,
  lastFullMonth,
  paragraphs,
  pct,
  shortRef,
  sourceKey,
} from './suggestion';

const PAGE = 200;

/**
 * The change failure rate (%) a service is held to when its SLA sets no change success rate:
 * 15%, the upper bound of the "elite" band of the DORA research (0–15% of changes to
 * production lead to degraded service). An SLA's `changeSuccessRatePercent` target `s` sets
 * `100 − s` instead.
 */
export const DEFAULT_CHANGE_FAILURE_TARGET_PERCENT = 15;

/** Changes closed in the month below which no failure rate is judged (as the verdict's n). */
export const MIN_CLOSED_CHANGES = MIN_IMPROVEMENT_EVENTS;

/** Every SLA, as the plugin reads them. */
export async function allSlas(
  rule: Pick<RuleContext, 'services' | 'ctx'>,
): Promise<ServiceLevelAgreement[]> {
  const slas: ServiceLevelAgreement[] = [];
  let cursor: string | undefined;
  do {
    const page = await rule.services.slas.list(
      { limit: PAGE, cursor, order: 'asc' },
      rule.ctx,
    );
    slas.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return slas;
}

/** Whether the SLA was in force at some point of `[from, to)`. */
function inForceDuring(sla: ServiceLevelAgreement, from: Date, to: Date) {
  return (
    Date.parse(sla.effectiveFrom) < to.getTime() &&
    (sla.effectiveTo === null || Date.parse(sla.effectiveTo) > from.getTime())
  );
}

/**
 * CSAT below target: for the last full month (UTC), the CSAT block of each SLA's report
 * says missed — the SLA sets a CSAT target, the service's ratings fall short of it, and
 * there were enough of them (the report neither meets nor misses a figure on fewer than 5
 * ratings). Key `csat|<service>|<YYYY-MM>`: once per service and month. No source record:
 * incident ratings are not a survey campaign.
 */
export async function csatSuggestions(
  rule: RuleContext,
  slas: ServiceLevelAgreement[],
): Promise<RuleResult> {
  const { services, ctx } = rule;
  const month = lastFullMonth(rule.now);
  const result: RuleResult = { considered: 0, suggestions: [] };
  for (const sla of slas) {
    if (!inForceDuring(sla, month.from, month.to)) continue;
    result.considered += 1;
    const report = await services.slaReports.report(
      {
        entityRef: sla.entityRef,
        from: month.from.toISOString(),
        to: month.to.toISOString(),
      },
      ctx,
    );
    const { csat } = report;
    if (csat.met !== false || csat.percent === null) continue;
    const target = csat.targetPercent!;
    const satisfied = Math.round((csat.percent * csat.n) / 100);
    const service = shortRef(sla.entityRef);
    const nonconformity = `CSAT of \`${sla.entityRef}\` was ${pct(
      csat.percent,
    )} in ${month.label} (${satisfied} of ${
      csat.n
    } ratings were 4 or 5), below the target of ${pct(target)} in ${
      report.sla?.id ?? sla.id
    }.`;
    result.suggestions.push({
      sourceKey: sourceKey('csat', sla.entityRef, month.label),
      input: {
        // An agreed target missed: a nonconformity (ISO/IEC 20000-1 10.1).
        kind: 'corrective_action',
        type: 'process',
        title: `Raise CSAT of ${service}: ${pct(csat.percent)} in ${
          month.label
        } (target ${pct(target)})`,
        description: paragraphs(
          nonconformity,
          'Read the comments of the low ratings on the Satisfaction tab of the service.',
          PROPOSED_BY,
        ),
        source: 'customer_feedback',
        sourceId: null,
        entityRefs: [sla.entityRef],
        nonconformity,
        benefit: 4,
        effort: 3,
        urgency: target - csat.percent >= 10 ? 4 : 3,
        kpi: defaultImprovementKpi('csat', {
          windowDays: 90,
          target: { kind: 'absolute', value: target },
        }),
      },
    });
  }
  return result;
}

/**
 * Change failure rate above target: for the last full month (UTC), each service with at
 * least {@link MIN_CLOSED_CHANGES} changes closed whose share of failed or backed-out ones
 * (100 − the SLA report's change success rate) is above its target: `100 −` the SLA's
 * `changeSuccessRatePercent` where the SLA sets one, else
 * {@link DEFAULT_CHANGE_FAILURE_TARGET_PERCENT}. Key `change-failure|<service>|<YYYY-MM>`;
 * the source is the latest failed change of the month (its post-implementation review).
 */
export async function changeFailureSuggestions(
  rule: RuleContext,
  slas: ServiceLevelAgreement[],
  store: Pick<KnexKpiStore, 'changeOutcomesByService'>,
  defaultTargetPercent: number = DEFAULT_CHANGE_FAILURE_TARGET_PERCENT,
): Promise<RuleResult> {
  const month = lastFullMonth(rule.now);
  const slaOf = new Map(slas.map(sla => [sla.entityRef, sla]));
  const rows = await store.changeOutcomesByService(month);
  const result: RuleResult = { considered: rows.length, suggestions: [] };
  for (const row of rows) {
    if (row.closed < MIN_CLOSED_CHANGES || row.latestFailedSeq === null) {
      continue;
    }
    const failed = row.closed - row.successful;
    const rate = (100 * failed) / row.closed;
    const sla = slaOf.get(row.entityRef);
    const agreed = sla?.targets.changeSuccessRatePercent;
    const target =
      typeof agreed === 'number' ? 100 - agreed : defaultTargetPercent;
    if (rate <= target) continue;
    const service = shortRef(row.entityRef);
    const against =
      typeof agreed === 'number'
        ? `${sla!.id}'s change success target of ${pct(agreed)}`
        : `the default change failure target of ${pct(
            defaultTargetPercent,
          )} (the service's SLA sets no change success rate)`;
    const summary = `${failed} of the ${row.closed} changes on \`${
      row.entityRef
    }\` closed in ${
      month.label
    } failed or were backed out: a change failure rate of ${pct(
      rate,
    )}, above ${pct(target)} (${against}). The latest is CHG-${
      row.latestFailedSeq
    }.`;
    result.suggestions.push({
      sourceKey: sourceKey('change-failure', row.entityRef, month.label),
      input: {
        // Against an SLA target it is a nonconformity; against the default an opportunity.
        kind: typeof agreed === 'number' ? 'corrective_action' : 'improvement',
        type: 'process',
        title: `Fewer failed changes on ${service}: ${pct(rate)} in ${
          month.label
        } (target ${pct(target)})`,
        description: paragraphs(
          summary,
          'Look at the post-implementation reviews of the failed changes and at how they were tested.',
          PROPOSED_BY,
        ),
        source: 'change_review',
        sourceId: `CHG-${row.latestFailedSeq}`,
        entityRefs: [row.entityRef],
        nonconformity: typeof agreed === 'number' ? summary : null,
        benefit: 3,
        effort: 3,
        urgency: rate >= 2 * target ? 4 : 3,
        kpi: defaultImprovementKpi('change_failure_rate', {
          windowDays: 90,
          target: { kind: 'absolute', value: target },
        }),
      },
    });
  }
  return result;
}

/**
 * Supporting-agreement alignment: each OLA or UC underpinning an SLA with targets looser than
 * the SLA's (the SLA's alignment check). Source `audit_finding` — a conformity check of the
 * agreements against ISO/IEC 20000-1 8.3.3, which has no record of its own — with the free
 * reference `SLA-n/OLA-m`. Key `sla-alignment|<SLA-n>@<revision>|<OLA-m>@<revision>`: once
 * per pair of agreed revisions, so a later revision that is misaligned again is proposed
 * again. No KPI: the fix is in the terms, no incident figure measures it.
 */
export async function alignmentSuggestions(
  rule: RuleContext,
  slas: ServiceLevelAgreement[],
): Promise<RuleResult> {
  const { services, ctx } = rule;
  const result: RuleResult = { considered: 0, suggestions: [] };
  for (const sla of slas) {
    const alignment = await services.slas.alignment(sla.id, ctx);
    result.considered += alignment.agreements.length;
    const findingsOf = new Map<string, AlignmentFinding[]>();
    for (const finding of alignment.findings) {
      findingsOf.set(finding.agreementId, [
        ...(findingsOf.get(finding.agreementId) ?? []),
        finding,
      ]);
    }
    for (const [agreementId, findings] of findingsOf) {
      const agreement = await services.supportingAgreements.get(
        agreementId,
        ctx,
      );
      const nonconformity = paragraphs(
        `${agreement.id} (${
          agreement.kind === 'uc' ? 'underpinning contract' : 'OLA'
        }, revision ${agreement.revision}: ${
          agreement.title
        }) does not support ${sla.id} (revision ${sla.revision}: ${
          sla.title
        }):`,
        findings
          .map(f => `- ${f.message} (\`${f.field}\` against \`${f.slaField}\`)`)
          .join('\n'),
      );
      result.suggestions.push({
        sourceKey: sourceKey(
          'sla-alignment',
          `${sla.id}@${sla.revision}`,
          `${agreement.id}@${agreement.revision}`,
        ),
        input: {
          kind: 'corrective_action',
          type: agreement.kind === 'uc' ? 'supplier' : 'process',
          title: `Align ${agreement.id} with ${sla.id} on ${shortRef(
            sla.entityRef,
          )}: ${findings.length} looser target${
            findings.length > 1 ? 's' : ''
          }`,
          description: paragraphs(
            nonconformity,
            `Renegotiate ${agreement.id} or revise ${sla.id}, so that what is promised to the customer is underpinned.`,
            PROPOSED_BY,
          ),
          source: 'audit_finding',
          sourceId: `${sla.id}/${agreement.id}`,
          entityRefs: [
            ...new Set(
              [sla.entityRef, agreement.entityRef].map(ref =>
                ref.toLocaleLowerCase('en-US'),
              ),
            ),
          ],
          nonconformity,
          benefit: 3,
          effort: agreement.kind === 'uc' ? 4 : 2,
          urgency: 3,
          kpi: null,
        },
      });
    }
  }
  return result;
}
