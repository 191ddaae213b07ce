import { Knex } from 'knex';

/*
 * Rows written straight into the practices' tables, for hand-computed KPI fixtures: each
 * helper writes what the aggregates read, nothing they do not.
 */

const seqOf = (row: unknown) =>
  Number(typeof row === 'object' && row !== null ? (row as any).seq : row);

let externalIds = 0;

/** An incident with its primary entity. */
export async function insertIncident(
  knex: Knex,
  options: {
    entityRef: string;
    createdAt: Date;
    priority?: number;
    category?: string | null;
    signature?: string | null;
    status?: string;
    resolvedAt?: Date | null;
    major?: boolean;
    outage?: { start: Date; end: Date | null };
    title?: string;
  },
): Promise<number> {
  const [row] = await knex('itsm_incidents')
    .insert({
      version: 1,
      title: options.title ?? 'Checkout fails',
      description: '',
      entity_ref: options.entityRef,
      reporter: 'user:default/alice',
      category: options.category ?? null,
      signature: options.signature ?? null,
      impact: 2,
      urgency: 2,
      priority: options.priority ?? 3,
      status: options.status ?? 'in_progress',
      major: options.major ?? options.outage !== undefined,
      outage_start: options.outage?.start ?? null,
      outage_end: options.outage?.end ?? null,
      source: 'api',
      external_id: `kpi-${++externalIds}`,
      resolved_at: options.resolvedAt ?? null,
      created_at: options.createdAt,
      created_by: 'user:default/alice',
      updated_at: options.resolvedAt ?? options.createdAt,
    })
    .returning('seq');
  const seq = seqOf(row);
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: seq,
    entity_ref: options.entityRef,
    owner_ref: 'group:default/team-a',
    is_primary: true,
  });
  return seq;
}

/** A decided SLA clock of an incident: met at `decidedAt`, or breached then. */
export async function insertDecidedClock(
  knex: Knex,
  options: {
    incidentSeq: number;
    entityRef: string;
    clock: 'response' | 'resolution';
    priority: number;
    decidedAt: Date;
    breached?: boolean;
    waived?: boolean;
    counts?: boolean;
    slaSeq?: number | null;
  },
): Promise<void> {
  const started = new Date(options.decidedAt.getTime() - 3_600_000);
  await knex('itsm_sla_clocks').insert({
    record_type: 'incident',
    record_seq: options.incidentSeq,
    clock: options.clock,
    target_ms: 3_600_000,
    calendar_id: '24x7',
    started_at: started,
    stopped_at: options.breached ? null : options.decidedAt,
    pauses: '[]',
    state: options.breached ? 'breached' : 'met',
    due_at: options.breached ? options.decidedAt : null,
    breached_at: options.breached ? options.decidedAt : null,
    evaluated_at: options.decidedAt,
    entity_ref: options.entityRef,
    sla_seq: options.slaSeq ?? null,
    sla_revision: options.slaSeq ? 1 : null,
    decided_at: options.decidedAt,
    priority: options.priority,
    counts: options.counts ?? true,
    waived: options.waived ?? false,
  });
}

let cycles = 0;

/** A breach register row (`BRE-n`). */
export async function insertBreach(
  knex: Knex,
  options: {
    incidentSeq: number;
    entityRef: string;
    priority: number;
    breachedAt: Date;
    clock?: 'response' | 'resolution';
    waived?: boolean;
    slaSeq?: number | null;
    targetMs?: number;
    /** The improvement item the breach names. */
    improvementId?: string;
  },
): Promise<number> {
  const [row] = await knex('itsm_sla_breaches')
    .insert({
      version: 1,
      record_type: 'incident',
      record_seq: options.incidentSeq,
      clock: options.clock ?? 'resolution',
      cycle: `cycle-${++cycles}`,
      priority: options.priority,
      entity_ref: options.entityRef,
      sla_seq: options.slaSeq ?? null,
      sla_revision: options.slaSeq ? 1 : null,
      target_ms: options.targetMs ?? 8 * 3_600_000,
      calendar_id: '24x7',
      breached_at: options.breachedAt,
      detected_at: options.breachedAt,
      improvement_id: options.improvementId ?? null,
      waiver_reason: options.waived ? 'Customer outage' : null,
      waiver_approver: options.waived ? 'user:default/carol' : null,
      waiver_at: options.waived ? options.breachedAt : null,
      created_at: options.breachedAt,
      updated_at: options.breachedAt,
    })
    .returning('seq');
  return seqOf(row);
}

/** A change naming `entityRefs`, in `status` with `outcome`, last written at `updatedAt`. */
export async function insertChange(
  knex: Knex,
  options: {
    entityRefs: string[];
    status?: string;
    outcome: string | null;
    updatedAt: Date;
  },
): Promise<number> {
  const [row] = await knex('itsm_changes')
    .insert({
      version: 1,
      plan_revision: 1,
      type: 'normal',
      status: options.status ?? 'closed',
      title: 'Upgrade the gateway',
      justification: 'Security fixes',
      actual_start: new Date(options.updatedAt.getTime() - 7_200_000),
      actual_end: new Date(options.updatedAt.getTime() - 3_600_000),
      risk_answers: '{}',
      risk_reasons: '[]',
      required_approvals: '[]',
      conflicts: '[]',
      outcome: options.outcome,
      requester: 'user:default/alice',
      created_at: new Date(options.updatedAt.getTime() - 86_400_000),
      created_by: 'user:default/alice',
      updated_at: options.updatedAt,
      updated_by: 'user:default/alice',
    })
    .returning('seq');
  const seq = seqOf(row);
  for (const entityRef of options.entityRefs) {
    await knex('itsm_change_entities').insert({
      change_seq: seq,
      entity_ref: entityRef,
      owner_ref: 'group:default/team-a',
    });
  }
  return seq;
}

let ratedIncidents = 100_000;

/** A survey response on a service's incident: a 1–5 rating and/or a 0–10 NPS answer. */
export async function insertRating(
  knex: Knex,
  options: {
    entityRef: string;
    submittedAt: Date;
    rating: number | null;
    nps?: number | null;
  },
): Promise<void> {
  await knex('itsm_survey_responses').insert({
    source_type: 'incident',
    incident_seq: ++ratedIncidents,
    cycle: 1,
    entity_ref: options.entityRef,
    respondent: 'user:default/alice',
    rating: options.rating,
    nps: options.nps ?? null,
    comment: null,
    answers: '{}',
    submitted_at: options.submittedAt,
  });
}
