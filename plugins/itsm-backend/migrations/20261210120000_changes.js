/*
 * Change enablement: changes, the entities they touch, the votes on them and
 * the standard change templates. History events of changes and templates go
 * to itsm_history_events (record_type 'change' and 'change_template').
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

  await knex.schema.createTable('itsm_change_templates', table => {
    table.comment('Standard change templates; the wire id is STD-<seq>');
    table.increments('seq');
    table.integer('version').notNullable().comment('+1 per edit');
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('owner', 255).notNullable().comment('Group ref, lowercase');
    table.text('implementation_plan').notNullable();
    table.text('backout_plan').notNullable();
    table.text('test_plan').notNullable();
    table.integer('duration_minutes').notNullable();
    table.boolean('active').notNullable().defaultTo(true);
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.index(['active'], 'itsm_change_templates_active_idx');
  });

  await knex.schema.createTable('itsm_change_template_entities', table => {
    table.comment('Entities a template may be used on; none = any entity');
    table
      .integer('template_seq')
      .unsigned()
      .notNullable()
      .references('seq')
      .inTable('itsm_change_templates')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable().comment('Lowercase');
    table.primary(['template_seq', 'entity_ref']);
    table.index(['entity_ref'], 'itsm_change_template_entities_ref_idx');
  });

  await knex.schema.createTable('itsm_changes', table => {
    table.comment('Change records; the wire id is CHG-<seq>');
    table.increments('seq').comment('Orders and pages the records');
    table.integer('version').notNullable().comment('+1 per business write');
    table
      .integer('plan_revision')
      .notNullable()
      .comment('+1 per edit of the plans, the window or the entities');
    table.string('type', 16).notNullable();
    table.string('status', 32).notNullable();
    table.string('title', 200).notNullable();
    table.text('justification').notNullable();
    ts(table, 'planned_start').nullable();
    ts(table, 'planned_end').nullable();
    ts(table, 'actual_start').nullable();
    ts(table, 'actual_end').nullable();
    table.text('implementation_plan').nullable();
    table.text('backout_plan').nullable();
    table.text('test_plan').nullable();
    table
      .text('risk_answers')
      .notNullable()
      .comment('JSON { question: answer }');
    table.string('risk', 16).nullable();
    table.text('risk_reasons').notNullable().comment('JSON string[]');
    table
      .text('required_approvals')
      .notNullable()
      .comment('JSON RequiredApproval[], snapshotted entering authorization');
    table.text('conflicts').notNullable().comment('JSON ChangeConflict[]');
    table.string('outcome', 32).nullable();
    table.text('review').nullable().comment('JSON post-implementation review');
    table.string('requester', 255).notNullable();
    table
      .integer('template_seq')
      .unsigned()
      .nullable()
      .references('seq')
      .inTable('itsm_change_templates');
    table.integer('template_version').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.string('updated_by', 255).notNullable();

    // Calendar and conflict queries: status + window.
    table.index(
      ['status', 'planned_start', 'planned_end'],
      'itsm_changes_status_window_idx',
    );
    table.index(['planned_start'], 'itsm_changes_planned_start_idx');
    table.index(['planned_end'], 'itsm_changes_planned_end_idx');
    table.index(['requester'], 'itsm_changes_requester_idx');
    table.index(['status', 'actual_end'], 'itsm_changes_status_actual_end_idx');
  });

  await knex.schema.createTable('itsm_change_entities', table => {
    table.comment('Catalog entities a change affects');
    table
      .integer('change_seq')
      .unsigned()
      .notNullable()
      .references('seq')
      .inTable('itsm_changes')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable().comment('Lowercase');
    table
      .string('owner_ref', 255)
      .nullable()
      .comment('Owner of the entity, for permission queries and filters');
    table
      .string('system_ref', 255)
      .nullable()
      .comment('System the entity is part of, for calendar filters');
    table.primary(['change_seq', 'entity_ref']);
    table.index(['entity_ref', 'change_seq'], 'itsm_change_entities_ref_idx');
    table.index(['owner_ref', 'change_seq'], 'itsm_change_entities_owner_idx');
    table.index(
      ['system_ref', 'change_seq'],
      'itsm_change_entities_system_idx',
    );
  });

  await knex.schema.createTable('itsm_change_approvals', table => {
    table.comment('One row per vote; a vote binds to a plan revision');
    table.bigIncrements('seq');
    table
      .integer('change_seq')
      .unsigned()
      .notNullable()
      .references('seq')
      .inTable('itsm_changes')
      .onDelete('CASCADE');
    table.string('approver', 255).notNullable().comment('User ref, lowercase');
    table.string('decision', 16).notNullable().comment('approve | reject');
    table.text('comment').nullable();
    ts(table, 'at').notNullable();
    table.integer('plan_revision').notNullable();
    // A second vote by the same person on the same revision is a conflict in the database too.
    table.unique(['change_seq', 'approver', 'plan_revision'], {
      indexName: 'itsm_change_approvals_vote_uq',
    });
  });

  await knex.schema.alterTable('itsm_incidents', table => {
    table.index(
      ['caused_by_change_seq'],
      'itsm_incidents_caused_by_change_seq_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(
      ['caused_by_change_seq'],
      'itsm_incidents_caused_by_change_seq_idx',
    );
  });
  await knex('itsm_history_events')
    .whereIn('record_type', ['change', 'change_template'])
    .delete();
  await knex.schema.dropTable('itsm_change_approvals');
  await knex.schema.dropTable('itsm_change_entities');
  await knex.schema.dropTable('itsm_changes');
  await knex.schema.dropTable('itsm_change_template_entities');
  await knex.schema.dropTable('itsm_change_templates');
};
