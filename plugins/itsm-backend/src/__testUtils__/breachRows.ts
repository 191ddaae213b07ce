import { Knex } from 'knex';
import { KnexLedgerStore } from '../practices/service-levels/KnexLedgerStore';
import { insertIncidentRow } from './incidentRows';

/**
 * A breach of the resolution clock (P3, one hour) of an incident on payments whose stored
 * owner is `ownerRef`, recorded at `at` as the SLA monitor records it: the ledger row, the
 * register row and its create event. Its sequence number and id.
 */
export async function recordBreach(
  knex: Knex,
  ownerRef: string,
  at: Date,
): Promise<{ seq: number; id: string }> {
  const seq = await insertIncidentRow(knex, {
    startedAt: new Date(at.getTime() - 3_600_000),
    ownerRef,
  });
  const ledger = await KnexLedgerStore.create({
    database: { getClient: async () => knex, migrations: { skip: true } },
  });
  const cycle = `${at.getTime() - 3_600_000}-3600000-edd6f1fb`;
  await ledger.recordBreach({
    key: {
      recordType: 'incident',
      recordSeq: seq,
      clock: 'resolution',
      purpose: 'breach',
      threshold: 100,
      cycle,
    },
    scope: `itsm:incident:${seq}:resolution:breach:100:${cycle}`,
    recipients: [],
    payload: { title: `INC-${seq} breached` },
    now: at,
    event: { at, actor: 'plugin:itsm', action: 'sla_breached', changes: {} },
    breach: {
      priority: 3,
      entityRef: 'component:default/payments',
      slaSeq: null,
      slaRevision: null,
      targetMs: 3_600_000,
      calendarId: '24x7',
      breachedAt: at,
    },
  });
  const row = await knex('itsm_sla_breaches')
    .where({ record_seq: seq })
    .first();
  return { seq, id: `BRE-${Number(row.seq)}` };
}
