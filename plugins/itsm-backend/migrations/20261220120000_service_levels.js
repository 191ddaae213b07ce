/*
 * Service level management (DESIGN §3 "Service level management"): API-managed
 * calendars and holiday lists, SLAs and supporting agreements (OLAs, UCs) with
 * their agreed revisions, the breach register, where each incident clock took
 * its target from, and the columns the SLA reports aggregate on.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_calendars', table => {
    table.comment(
      'Calendars created through the API, and API-managed holiday lists of calendars from app-config',
    );
    table.string('id', 100).primary();
    table.integer('version').notNullable();
    table
      .string('source', 16)
      .notNullable()
      .comment(
        'api: the whole calendar lives here; config: only its extra holidays',
      );
    table.string('title', 200).nullable();
    table
      .string('timezone', 100)
      .nullable()
      .comment('Null for config calendars');
    table
      .text('hours')
      .nullable()
      .comment('JSON weekly hours; null for config calendars');
    table
      .text('holidays')
      .notNullable()
      .comment('JSON array of local dates YYYY-MM-DD');
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
  });

  await knex.schema.createTable('itsm_slas', table => {
    table.comment(
      'Service level agreements, one per service; the wire id is SLA-<seq>',
    );
    table.increments('seq');
    table.integer('version').notNullable().comment('+1 per business write');
    table
      .integer('revision')
      .notNullable()
      .comment('The latest agreed revision');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The service, lowercase canonical');
    table
      .string('owner_ref', 255)
      .nullable()
      .comment('Owner of the service when last written');
    table.string('title', 200).notNullable();
    table
      .text('terms')
      .notNullable()
      .comment('JSON terms of the latest revision');
    ts(table, 'effective_from').notNullable();
    ts(table, 'effective_to').nullable();
    ts(table, 'last_reviewed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.unique(['entity_ref'], { indexName: 'itsm_slas_entity_ref_uq' });
  });

  await knex.schema.createTable('itsm_supporting_agreements', table => {
    table.comment('OLAs (OLA-<seq>) and underpinning contracts (UC-<seq>)');
    table.increments('seq');
    table.string('kind', 8).notNullable().comment('ola | uc');
    table.integer('version').notNullable();
    table.integer('revision').notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('owner_ref', 255).nullable();
    table.string('title', 200).notNullable();
    table
      .text('terms')
      .notNullable()
      .comment('JSON terms of the latest revision');
    ts(table, 'effective_from').notNullable();
    ts(table, 'effective_to').nullable();
    ts(table, 'last_reviewed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.index(['entity_ref'], 'itsm_supporting_agreements_entity_idx');
  });

  await knex.schema.createTable('itsm_supporting_agreement_slas', table => {
    table.comment('Which SLAs a supporting agreement underpins');
    table.integer('agreement_seq').notNullable();
    table.integer('sla_seq').notNullable();
    table.primary(['agreement_seq', 'sla_seq']);
    table.index(['sla_seq'], 'itsm_supporting_agreement_slas_sla_idx');
  });

  await knex.schema.createTable('itsm_agreement_revisions', table => {
    table.comment(
      'Every agreed revision of an SLA or supporting agreement; never edited',
    );
    table
      .string('agreement_type', 16)
      .notNullable()
      .comment('sla | supporting');
    table.integer('agreement_seq').notNullable();
    table.integer('revision').notNullable();
    table.text('terms').notNullable().comment('JSON terms of this revision');
    ts(table, 'effective_from').notNullable();
    ts(table, 'effective_to').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    table.primary(['agreement_type', 'agreement_seq', 'revision']);
  });

  await knex.schema.createTable('itsm_sla_breaches', table => {
    table.comment('The breach register; the wire id is BRE-<seq>');
    table.increments('seq');
    table.integer('version').notNullable();
    table.string('record_type', 32).notNullable();
    table.integer('record_seq').notNullable();
    table.string('clock', 32).notNullable();
    table
      .string('cycle', 64)
      .notNullable()
      .comment('The clock run, as in the ledger');
    table.smallint('priority').notNullable();
    table.string('entity_ref', 255).notNullable();
    table.integer('sla_seq').nullable();
    table.integer('sla_revision').nullable();
    table.bigInteger('target_ms').notNullable();
    table.string('calendar_id', 100).notNullable();
    ts(table, 'breached_at').notNullable();
    ts(table, 'detected_at').notNullable();
    table.text('cause').nullable();
    table.text('action').nullable();
    table.string('improvement_id', 32).nullable();
    table.text('waiver_reason').nullable();
    table.string('waiver_approver', 255).nullable();
    ts(table, 'waiver_at').nullable();
    ts(table, 'created_at').notNullable();
    ts(table, 'updated_at').notNullable();
    table.unique(['record_type', 'record_seq', 'clock', 'cycle'], {
      indexName: 'itsm_sla_breaches_clock_uq',
    });
    table.index(['entity_ref', 'breached_at'], 'itsm_sla_breaches_entity_idx');
    table.index(['breached_at'], 'itsm_sla_breaches_at_idx');
  });

  await knex.schema.alterTable('itsm_sla_clocks', table => {
    table
      .string('entity_ref', 255)
      .nullable()
      .comment(
        "The record's primary entity, lowercase; what SLA reports group by",
      );
    table
      .integer('sla_seq')
      .nullable()
      .comment('SLA the target came from; null: configured default');
    table.integer('sla_revision').nullable();
    ts(table, 'decided_at')
      .nullable()
      .comment(
        'breached_at, else stopped_at: the instant the outcome was decided',
      );
    // Copies SLA reports count by, so that they read one index range of the
    // clocks and join nothing; every write that changes them rewrites them.
    table
      .smallint('priority')
      .nullable()
      .comment("The record's current priority");
    table
      .boolean('counts')
      .notNullable()
      .defaultTo(true)
      .comment('False once the record is cancelled: reports leave it out');
    table
      .boolean('waived')
      .notNullable()
      .defaultTo(false)
      .comment(
        'The breach register row of this breach (same breached_at) has a waiver',
      );
  });
  // Clocks recorded before this migration: their service is the primary entity.
  await knex('itsm_sla_clocks').update({
    entity_ref: knex('itsm_record_entities')
      .select('entity_ref')
      .where(
        'itsm_record_entities.record_type',
        knex.ref('itsm_sla_clocks.record_type'),
      )
      .andWhere(
        'itsm_record_entities.record_seq',
        knex.ref('itsm_sla_clocks.record_seq'),
      )
      .andWhere('itsm_record_entities.is_primary', true)
      .limit(1),
  });
  await knex('itsm_sla_clocks')
    .where('record_type', 'incident')
    .update({
      priority: knex('itsm_incidents')
        .select('priority')
        .where('itsm_incidents.seq', knex.ref('itsm_sla_clocks.record_seq')),
    });
  await knex('itsm_sla_clocks')
    .where('record_type', 'incident')
    .whereIn(
      'record_seq',
      knex('itsm_incidents').select('seq').where('status', 'cancelled'),
    )
    .update({ counts: false });
  // `waived` stays false: the breach register is new in this migration.
  await knex('itsm_sla_clocks')
    .whereNotNull('breached_at')
    .update({ decided_at: knex.ref('breached_at') });
  await knex('itsm_sla_clocks')
    .whereNull('breached_at')
    .whereNotNull('stopped_at')
    .update({ decided_at: knex.ref('stopped_at') });
  await knex.schema.alterTable('itsm_sla_clocks', table => {
    // One service's clocks decided in a period; the trailing columns are all its
    // report reads, so that the range is read from the index alone (decided clocks
    // are not written again; on PostgreSQL an index-only scan).
    table.index(
      [
        'entity_ref',
        'decided_at',
        'record_type',
        'counts',
        'clock',
        'priority',
        'breached_at',
        'waived',
        'sla_seq',
      ],
      'itsm_sla_clocks_entity_decided_idx',
    );
    table.index(['decided_at'], 'itsm_sla_clocks_decided_idx');
  });
  // The workload of a service in a period: incidents it is the primary entity of.
  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(
      ['entity_ref', 'created_at'],
      'itsm_incidents_entity_created_idx',
    );
  });

  // Escalations, warnings and breaches of the same clock and threshold are
  // different notifications: the ledger key gains their purpose.
  await knex.schema.alterTable('itsm_notification_ledger', table => {
    table
      .string('purpose', 16)
      .notNullable()
      .defaultTo('escalation')
      .comment('escalation | warning | breach');
  });
  await knex.schema.alterTable('itsm_notification_ledger', table => {
    table.dropUnique(
      ['record_type', 'record_seq', 'clock', 'threshold', 'cycle'],
      'itsm_notification_ledger_key_uq',
    );
    table.unique(
      ['record_type', 'record_seq', 'clock', 'purpose', 'threshold', 'cycle'],
      { indexName: 'itsm_notification_ledger_purpose_key_uq' },
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_notification_ledger', table => {
    table.dropUnique(
      ['record_type', 'record_seq', 'clock', 'purpose', 'threshold', 'cycle'],
      'itsm_notification_ledger_purpose_key_uq',
    );
  });
  await knex('itsm_notification_ledger')
    .whereNot('purpose', 'escalation')
    .delete();
  await knex.schema.alterTable('itsm_notification_ledger', table => {
    table.dropColumn('purpose');
    table.unique(['record_type', 'record_seq', 'clock', 'threshold', 'cycle'], {
      indexName: 'itsm_notification_ledger_key_uq',
    });
  });
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(
      ['entity_ref', 'created_at'],
      'itsm_incidents_entity_created_idx',
    );
  });
  await knex.schema.alterTable('itsm_sla_clocks', table => {
    table.dropIndex(['decided_at'], 'itsm_sla_clocks_decided_idx');
    table.dropIndex([], 'itsm_sla_clocks_entity_decided_idx');
    table.dropColumn('waived');
    table.dropColumn('counts');
    table.dropColumn('priority');
    table.dropColumn('decided_at');
    table.dropColumn('sla_revision');
    table.dropColumn('sla_seq');
    table.dropColumn('entity_ref');
  });
  await knex.schema.dropTable('itsm_sla_breaches');
  await knex.schema.dropTable('itsm_agreement_revisions');
  await knex.schema.dropTable('itsm_supporting_agreement_slas');
  await knex.schema.dropTable('itsm_supporting_agreements');
  await knex.schema.dropTable('itsm_slas');
  await knex.schema.dropTable('itsm_calendars');
};
