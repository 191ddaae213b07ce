import { Knex } from 'knex';

/**
 * Inserts an incident with its primary entity and a running clock (resolution unless told)
 * straight into the tables, for store and job tests that need exact clocks.
 */
export async function insertIncidentRow(
  knex: Knex,
  options: {
    startedAt: Date;
    targetMs?: number;
    status?: string;
    version?: number;
    assignmentGroup?: string | null;
    ownerRef?: string | null;
    major?: boolean;
    resolvedAt?: Date | null;
    stoppedAt?: Date | null;
    pauses?: Array<{ from: string; to?: string }>;
    calendarId?: string;
    clock?: 'response' | 'resolution';
  },
): Promise<number> {
  const at = options.startedAt;
  const [row] = await knex('itsm_incidents')
    .insert({
      version: options.version ?? 1,
      title: 'Checkout fails',
      description: '',
      entity_ref: 'component:default/payments',
      reporter: 'user:default/alice',
      assignment_group: options.assignmentGroup ?? null,
      impact: 2,
      urgency: 2,
      priority: 3,
      status: options.status ?? 'in_progress',
      major: options.major ?? false,
      source: 'portal',
      resolved_at: options.resolvedAt ?? null,
      created_at: at,
      created_by: 'user:default/alice',
      updated_at: at,
    })
    .returning('seq');
  const seq = Number(typeof row === 'object' ? row.seq : row);
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: seq,
    entity_ref: 'component:default/payments',
    owner_ref:
      options.ownerRef === undefined
        ? 'group:default/team-a'
        : options.ownerRef,
    is_primary: true,
  });
  await knex('itsm_history_events').insert({
    record_type: 'incident',
    record_seq: seq,
    version: options.version ?? 1,
    at,
    actor: 'user:default/alice',
    action: 'create',
    changes: '{}',
  });
  await knex('itsm_sla_clocks').insert({
    record_type: 'incident',
    record_seq: seq,
    clock: options.clock ?? 'resolution',
    target_ms: options.targetMs ?? 60 * 60_000,
    calendar_id: options.calendarId ?? '24x7',
    started_at: at,
    stopped_at: options.stoppedAt ?? null,
    pauses: JSON.stringify(options.pauses ?? []),
    state: 'running',
    evaluated_at: at,
  });
  return seq;
}
