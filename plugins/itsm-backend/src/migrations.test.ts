import { TestDatabases } from '@backstage/backend-test-utils';
import {
  isDatabaseConflictError,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import { Knex } from 'knex';
import { KnexIncidentStore } from './practices/incidents/KnexIncidentStore';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);
const TABLES = [
  'itsm_incidents',
  'itsm_record_entities',
  'itsm_history_events',
  'itsm_sla_clocks',
  'itsm_notification_ledger',
  'itsm_change_templates',
  'itsm_change_template_entities',
  'itsm_changes',
  'itsm_change_entities',
  'itsm_change_approvals',
];

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function tablesPresent(knex: Knex): Promise<string[]> {
  const present: string[] = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) {
      present.push(table);
    }
  }
  return present;
}

async function insertIncident(knex: Knex, title: string): Promise<number> {
  const at = new Date('2026-05-04T10:00:00.250Z');
  const [row] = await knex('itsm_incidents')
    .insert({
      version: 1,
      title,
      description: '',
      entity_ref: 'component:default/payments',
      reporter: 'user:default/alice',
      impact: 1,
      urgency: 1,
      priority: 1,
      status: 'new',
      source: 'portal',
      created_at: at,
      created_by: 'user:default/alice',
      updated_at: at,
    })
    .returning('seq');
  const seq = Number(row.seq);
  await knex('itsm_record_entities').insert({
    record_type: 'incident',
    record_seq: seq,
    entity_ref: 'component:default/payments',
    is_primary: true,
  });
  await knex('itsm_history_events').insert({
    record_type: 'incident',
    record_seq: seq,
    version: 1,
    at,
    actor: 'user:default/alice',
    action: 'create',
    changes: '{}',
  });
  await knex('itsm_sla_clocks').insert({
    record_type: 'incident',
    record_seq: seq,
    clock: 'response',
    target_ms: 900_000,
    calendar_id: '24x7',
    started_at: at,
    pauses: '[]',
    state: 'running',
    evaluated_at: at,
  });
  return seq;
}

describe('migrations', () => {
  it('are plain JS files with up and down, named by timestamp', () => {
    for (const file of fs.readdirSync(migrationsDir)) {
      expect(file).toMatch(/^\d{14}_[a-z_]+\.js$/);
      const migration = require(`${migrationsDir}/${file}`);
      expect(typeof migration.up).toBe('function');
      expect(typeof migration.down).toBe('function');
    }
  });

  it.each(databases.eachSupportedId())(
    'go up, down and up again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await tablesPresent(knex)).toEqual(TABLES);
      await insertIncident(knex, 'Before rollback');

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await tablesPresent(knex)).toEqual([]);

      await knex.migrate.latest({ directory: migrationsDir });
      expect(await tablesPresent(knex)).toEqual(TABLES);
      expect(await knex('itsm_incidents')).toEqual([]);
      const seq = await insertIncident(knex, 'After re-migration');
      expect(seq).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'add the major incident columns to existing incidents and remove them on the way down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migration = '20261201120000_incident_major_fields.js';
      const columns = [
        'incident_manager',
        'outage_start',
        'outage_end',
        'post_incident_review',
      ];
      const present = async () => {
        const found: string[] = [];
        for (const column of columns) {
          if (await knex.schema.hasColumn('itsm_incidents', column)) {
            found.push(column);
          }
        }
        return found;
      };

      await knex.migrate.up({
        directory: migrationsDir,
        name: '20261127120000_incidents.js',
      });
      const seq = await insertIncident(knex, 'Before the major fields');
      await knex.migrate.up({ directory: migrationsDir, name: migration });
      expect(await present()).toEqual(columns);
      expect(
        await knex('itsm_incidents').where('seq', seq).first(),
      ).toMatchObject({
        title: 'Before the major fields',
        incident_manager: null,
        outage_start: null,
        post_incident_review: null,
      });

      await knex.migrate.down({ directory: migrationsDir, name: migration });
      expect(await present()).toEqual([]);
      expect(
        (await knex('itsm_incidents').where('seq', seq).first()).title,
      ).toBe('Before the major fields');
    },
  );

  it.each(databases.eachSupportedId())(
    'add the change tables beside existing incidents and drop them on the way down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migration = '20261210120000_changes.js';
      const changeTables = TABLES.filter(t => t.startsWith('itsm_change'));
      await knex.migrate.up({
        directory: migrationsDir,
        name: '20261127120000_incidents.js',
      });
      await knex.migrate.up({
        directory: migrationsDir,
        name: '20261201120000_incident_major_fields.js',
      });
      await knex.migrate.up({
        directory: migrationsDir,
        name: '20261202120000_notification_ledger.js',
      });
      const seq = await insertIncident(knex, 'Before changes');
      await knex.migrate.up({ directory: migrationsDir, name: migration });
      expect(await tablesPresent(knex)).toEqual(TABLES);

      const at = new Date('2026-05-04T10:00:00.250Z');
      const [row] = await knex('itsm_changes')
        .insert({
          version: 1,
          plan_revision: 1,
          type: 'normal',
          status: 'draft',
          title: 'Upgrade',
          justification: '',
          risk_answers: '{}',
          risk_reasons: '[]',
          required_approvals: '[]',
          conflicts: '[]',
          requester: 'user:default/alice',
          planned_start: at,
          created_at: at,
          created_by: 'user:default/alice',
          updated_at: at,
          updated_by: 'user:default/alice',
        })
        .returning('seq');
      const changeSeq = Number(row.seq ?? row);
      const vote = {
        change_seq: changeSeq,
        approver: 'user:default/bob',
        decision: 'approve',
        at,
        plan_revision: 1,
      };
      await knex('itsm_change_approvals').insert(vote);
      const second = await knex('itsm_change_approvals')
        .insert(vote)
        .then(
          () => undefined,
          error => error,
        );
      // A double vote on one plan revision is a unique-constraint conflict.
      expect(isDatabaseConflictError(second)).toBe(true);
      const stored = await knex('itsm_changes').where('seq', changeSeq).first();
      expect(new Date(stored.planned_start).getTime()).toBe(at.getTime());
      await knex('itsm_incidents')
        .where('seq', seq)
        .update({ caused_by_change_seq: changeSeq });

      await knex.migrate.down({ directory: migrationsDir, name: migration });
      expect(await tablesPresent(knex)).toEqual(
        TABLES.filter(t => !changeTables.includes(t)),
      );
      expect(
        (await knex('itsm_incidents').where('seq', seq).first()).title,
      ).toBe('Before changes');
    },
  );

  it.each(databases.eachSupportedId())(
    'add the improvement register with a unique source key, and drop it with its shared rows on the way down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migration = '20270301120000_improvements.js';
      await knex.migrate.latest({ directory: migrationsDir });
      const at = new Date('2027-03-01T10:00:00.250Z');
      const item = (sourceKey: string | null) => ({
        version: 1,
        kind: 'improvement',
        type: 'process',
        status: 'proposed',
        title: 'Stop breaches',
        description: 'Twelve last month',
        source: 'sla_breach',
        source_key: sourceKey,
        benefit: 4,
        effort: 2,
        urgency: 4,
        score_tenths: 40,
        baseline_value: 12.5,
        created_at: at,
        created_by: 'plugin:itsm',
        updated_at: at,
      });
      await knex('itsm_improvements').insert([item(null), item(null)]);
      await knex('itsm_improvements').insert(item('breaches:payments'));
      const twice = await knex('itsm_improvements')
        .insert(item('breaches:payments'))
        .then(
          () => undefined,
          error => error,
        );
      // Suggestions are never duplicated: the key is unique (people's items carry none).
      expect(isDatabaseConflictError(twice)).toBe(true);
      const [row] = await knex('itsm_improvements').where('seq', 1);
      expect(Number(row.baseline_value)).toBe(12.5);
      expect(new Date(row.created_at).getTime()).toBe(at.getTime());
      await knex('itsm_history_events').insert({
        record_type: 'improvement',
        record_seq: 1,
        version: 1,
        at,
        actor: 'plugin:itsm',
        action: 'create',
        changes: '{}',
      });

      await knex.migrate.down({ directory: migrationsDir, name: migration });
      expect(await knex.schema.hasTable('itsm_improvements')).toBe(false);
      expect(
        await knex('itsm_history_events').where('record_type', 'improvement'),
      ).toEqual([]);
      expect(await tablesPresent(knex)).toEqual(TABLES);
    },
  );

  it.each(databases.eachSupportedId())(
    'keep existing records when the store starts again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = { getClient: async () => knex };

      await KnexIncidentStore.create({ database });
      const seq = await insertIncident(knex, 'Survives restarts');
      const store = await KnexIncidentStore.create({ database });

      const incident = await store.getIncident(seq);
      expect(incident).toMatchObject({
        title: 'Survives restarts',
        version: 1,
        createdAt: new Date('2026-05-04T10:00:00.250Z'),
        clocks: [
          expect.objectContaining({ clock: 'response', targetMs: 900_000 }),
        ],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'are skipped when the database service says so, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await KnexIncidentStore.create({
        database: { getClient: async () => knex, migrations: { skip: true } },
      });
      expect(await tablesPresent(knex)).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'copy the service, decision, priority and cancellation onto existing clocks for SLA reports, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const migration = '20261220120000_service_levels.js';
      for (const name of [
        '20261127120000_incidents.js',
        '20261201120000_incident_major_fields.js',
        '20261202120000_notification_ledger.js',
        '20261210120000_changes.js',
      ]) {
        await knex.migrate.up({ directory: migrationsDir, name });
      }
      const kept = await insertIncident(knex, 'Kept');
      const cancelled = await insertIncident(knex, 'Cancelled');
      const stoppedAt = new Date('2026-05-04T10:05:00.000Z');
      await knex('itsm_incidents').where('seq', kept).update({ priority: 2 });
      await knex('itsm_incidents')
        .where('seq', cancelled)
        .update({ status: 'cancelled' });
      await knex('itsm_sla_clocks')
        .where('record_seq', kept)
        .update({ stopped_at: stoppedAt, state: 'met' });

      await knex.migrate.up({ directory: migrationsDir, name: migration });
      const clocks = await knex('itsm_sla_clocks').orderBy('record_seq');
      expect(
        clocks.map(c => ({
          seq: Number(c.record_seq),
          entityRef: c.entity_ref,
          decided: c.decided_at === null ? null : new Date(c.decided_at),
          priority: Number(c.priority),
          counts: Boolean(c.counts),
          waived: Boolean(c.waived),
        })),
      ).toEqual([
        {
          seq: kept,
          entityRef: 'component:default/payments',
          decided: stoppedAt,
          priority: 2,
          counts: true,
          waived: false,
        },
        {
          seq: cancelled,
          entityRef: 'component:default/payments',
          decided: null,
          priority: 1,
          counts: false,
          waived: false,
        },
      ]);

      await knex.migrate.down({ directory: migrationsDir, name: migration });
      for (const column of ['entity_ref', 'priority', 'counts', 'waived']) {
        expect(await knex.schema.hasColumn('itsm_sla_clocks', column)).toBe(
          false,
        );
      }
      expect(await knex('itsm_sla_clocks').count({ n: '*' })).toEqual([
        { n: databaseId === 'POSTGRES_15' ? '2' : 2 },
      ]);
    },
  );
});
