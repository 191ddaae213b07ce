/*
 * Incidents, the entities records are attached to, the append-only history
 * and the persisted SLA clocks.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // Millisecond timestamps everywhere; the application always writes Date values.
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_incidents', table => {
    table.comment('Incident records; the wire id is INC-<seq>');
    table.increments('seq').comment('Orders and pages the records');
    table.integer('version').notNullable().comment('+1 per business write');
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment(
        'The service, lowercase canonical; also in itsm_record_entities',
      );
    table.string('reporter', 255).notNullable();
    table.string('assignee', 255).nullable();
    table.string('assignment_group', 255).nullable();
    table.string('category', 100).nullable();
    table.smallint('impact').notNullable();
    table.smallint('urgency').notNullable();
    table.smallint('priority').notNullable();
    table.string('status', 32).notNullable();
    table.string('on_hold_reason', 32).nullable();
    table.string('resolution_code', 64).nullable();
    table.text('resolution_notes').nullable();
    table.boolean('major').notNullable().defaultTo(false);
    table
      .integer('parent_seq')
      .unsigned()
      .nullable()
      .references('seq')
      .inTable('itsm_incidents');
    table.integer('problem_seq').nullable().comment('PRB-<n>');
    table.integer('caused_by_change_seq').nullable().comment('CHG-<n>');
    table.string('source', 32).notNullable();
    table.string('external_id', 255).nullable();
    table
      .text('impacted_services')
      .nullable()
      .comment('JSON snapshot of the impact analysis');
    ts(table, 'resolved_at').nullable();
    ts(table, 'closed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();

    // NULL external ids are distinct in unique indexes on every supported database.
    table.unique(['source', 'external_id'], {
      indexName: 'itsm_incidents_source_external_id_uq',
    });
    table.index(['status', 'priority'], 'itsm_incidents_status_priority_idx');
    table.index(['assignee'], 'itsm_incidents_assignee_idx');
    table.index(['assignment_group'], 'itsm_incidents_assignment_group_idx');
    table.index(['parent_seq'], 'itsm_incidents_parent_seq_idx');
  });

  await knex.schema.createTable('itsm_record_entities', table => {
    table.comment(
      'Catalog entities a record is attached to (primary and affected)',
    );
    table.string('record_type', 32).notNullable();
    table.integer('record_seq').notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Lowercase canonical');
    table
      .string('owner_ref', 255)
      .nullable()
      .comment(
        'Owner of the entity, kept fresh by a job; for permission queries',
      );
    table.boolean('is_primary').notNullable().defaultTo(false);
    table.primary(['record_type', 'record_seq', 'entity_ref']);
    table.index(
      ['entity_ref', 'record_type', 'record_seq'],
      'itsm_record_entities_entity_ref_idx',
    );
    table.index(
      ['owner_ref', 'record_type'],
      'itsm_record_entities_owner_ref_idx',
    );
  });

  await knex.schema.createTable('itsm_history_events', table => {
    table.comment('Append-only history of every record');
    table.bigIncrements('seq');
    table.string('record_type', 32).notNullable();
    table.integer('record_seq').notNullable();
    table.integer('version').notNullable();
    ts(table, 'at').notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 64).notNullable();
    table.text('changes').notNullable().comment('JSON { field: [from, to] }');
    table.text('comment').nullable();
    table.index(
      ['record_type', 'record_seq', 'seq'],
      'itsm_history_events_record_idx',
    );
  });

  await knex.schema.createTable('itsm_sla_clocks', table => {
    table.comment(
      'SLA clocks per record; target and calendar are stored per clock',
    );
    table.string('record_type', 32).notNullable();
    table.integer('record_seq').notNullable();
    table.string('clock', 32).notNullable().comment('response | resolution');
    table.bigInteger('target_ms').notNullable();
    table.string('calendar_id', 100).notNullable();
    ts(table, 'started_at').notNullable();
    ts(table, 'stopped_at').nullable();
    table
      .text('pauses')
      .notNullable()
      .comment('JSON [{ from, to? }] with ISO instants');
    table
      .string('state', 16)
      .notNullable()
      .comment('running | paused | met | breached, as last evaluated');
    ts(table, 'due_at').nullable();
    ts(table, 'breached_at').nullable();
    ts(table, 'evaluated_at').notNullable();
    table.primary(['record_type', 'record_seq', 'clock']);
    table.index(['state', 'due_at'], 'itsm_sla_clocks_state_due_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_sla_clocks');
  await knex.schema.dropTable('itsm_history_events');
  await knex.schema.dropTable('itsm_record_entities');
  await knex.schema.dropTable('itsm_incidents');
};
