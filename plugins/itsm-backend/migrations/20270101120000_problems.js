/*
 * Problem management and the known-error database: problems (PRB-<seq>), known errors
 * (KE-<seq>) and the ledger of known errors offered to and applied on incidents. Entities go to
 * itsm_record_entities (record_type 'problem' / 'known_error'), history to itsm_history_events,
 * links (incident ↔ problem, known error ↔ problem, fix change ↔ problem) to itsm_record_links,
 * which gains a note: who linked is created_by, why is the note.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_problems', table => {
    table.comment('Problem records; the wire id is PRB-<seq>');
    table.increments('seq').comment('Orders and pages the records');
    table.integer('version').notNullable().comment('+1 per business write');
    table.string('status', 32).notNullable();
    table.string('title', 200).notNullable();
    table.text('statement').notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The first entity, lowercase; all are in itsm_record_entities');
    table.string('category', 100).nullable();
    table.string('signature', 255).nullable();
    table.integer('impact').notNullable();
    table.integer('urgency').notNullable();
    table.integer('priority').notNullable();
    table.string('owner', 255).nullable().comment('User ref, lowercase');
    table.string('assignment_group', 255).nullable();
    table.string('origin', 32).notNullable();
    table
      .text('detection')
      .nullable()
      .comment('JSON ProblemDetection of a candidate the job proposed');
    table
      .string('detection_key', 400)
      .nullable()
      .comment('rule|entity|key of a detected candidate');
    ts(table, 'detection_window').nullable().comment('Start of its window');
    table.string('rca_method', 32).nullable();
    table.text('rca_notes').notNullable().comment('JSON RcaEntry[]');
    table
      .text('contributing_factors')
      .notNullable()
      .comment('JSON ContributingFactor[]');
    table.text('root_cause').nullable();
    table.text('workaround').nullable();
    table.string('target_date', 10).nullable().comment('YYYY-MM-DD');
    table.string('closure_code', 32).nullable();
    table.text('cancel_reason').nullable();
    ts(table, 'resolved_at').nullable();
    ts(table, 'observation_until').nullable();
    ts(table, 'closed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    // One candidate per detection and window, however many replicas run the job (NULL keys of
    // problems raised by people are distinct on every supported database).
    table.unique(['detection_key', 'detection_window'], {
      indexName: 'itsm_problems_detection_uq',
    });
    table.index(['status', 'priority'], 'itsm_problems_status_priority_idx');
    table.index(['owner'], 'itsm_problems_owner_idx');
    table.index(['entity_ref', 'status'], 'itsm_problems_entity_ref_idx');
  });

  await knex.schema.createTable('itsm_known_errors', table => {
    table.comment('The known-error database; the wire id is KE-<seq>');
    table.increments('seq');
    table.integer('version').notNullable().comment('+1 per business write');
    table.string('status', 16).notNullable().comment('active | retired');
    table.string('title', 200).notNullable();
    table.text('symptom').notNullable();
    table.text('root_cause').notNullable();
    table.text('workaround').notNullable();
    table
      .text('match_rules')
      .notNullable()
      .comment('JSON { categories, signatures, text }');
    table.string('review_by', 10).nullable().comment('YYYY-MM-DD');
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.index(['status'], 'itsm_known_errors_status_idx');
  });

  await knex.schema.createTable('itsm_known_error_uses', table => {
    table.comment(
      'Known errors offered to and applied on incidents: once per incident and kind',
    );
    table.integer('known_error_seq').notNullable();
    table.integer('incident_seq').notNullable();
    table.string('kind', 16).notNullable().comment('offered | applied');
    ts(table, 'at').notNullable();
    table.string('actor', 255).notNullable();
    table.primary(['known_error_seq', 'kind', 'incident_seq']);
    table.index(['incident_seq'], 'itsm_known_error_uses_incident_idx');
  });

  await knex.schema.alterTable('itsm_record_links', table => {
    table.string('note', 500).nullable().comment('Why the records were linked');
  });

  await knex.schema.createTable('itsm_job_leases', table => {
    table.comment(
      'One run at a time of a job that reads before it writes (problem detection), across replicas',
    );
    table.string('name', 64).primary();
    table.string('holder', 64).notNullable();
    ts(table, 'expires_at').notNullable();
  });

  // Trend reports and detection read the incidents of a period, whatever their entity.
  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(['created_at'], 'itsm_incidents_created_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['created_at'], 'itsm_incidents_created_at_idx');
  });
  await knex.schema.dropTable('itsm_job_leases');
  await knex.schema.alterTable('itsm_record_links', table => {
    table.dropColumn('note');
  });
  await knex.schema.dropTable('itsm_known_error_uses');
  await knex.schema.dropTable('itsm_known_errors');
  await knex.schema.dropTable('itsm_problems');
};
