/*
 * The continual improvement register (IMP-<seq>): improvement items and corrective actions,
 * with their priority inputs, the KPI they are measured by, the baseline frozen at approval and
 * the measurement after implementation. The services are filed in itsm_record_entities
 * (record_type 'improvement') with their owners, so the service-owner rule is plain SQL;
 * history goes to itsm_history_events, links to the source records to itsm_record_links.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });
  /** A KPI figure over one window: [from, to), value, n, unit and when it was measured. */
  const figure = (
    /** @type {import('knex').Knex.CreateTableBuilder} */ table,
    /** @type {string} */ prefix,
  ) => {
    ts(table, `${prefix}_from`).nullable();
    ts(table, `${prefix}_to`).nullable();
    table.double(`${prefix}_value`).nullable();
    table.integer(`${prefix}_n`).nullable();
    table.string(`${prefix}_unit`, 16).nullable();
    ts(table, `${prefix}_measured_at`).nullable();
  };

  await knex.schema.createTable('itsm_improvements', table => {
    table.comment(
      'Improvement items and corrective actions; the wire id is IMP-<seq>',
    );
    table.increments('seq').comment('Orders and pages the records');
    table.integer('version').notNullable().comment('+1 per business write');
    table
      .string('kind', 32)
      .notNullable()
      .comment('improvement | corrective_action');
    table
      .string('type', 32)
      .notNullable()
      .comment('people | process | technology | supplier');
    table
      .string('status', 32)
      .notNullable()
      .comment(
        'proposed | approved | in_progress | implemented | evaluated | closed | rejected',
      );
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.string('source', 32).notNullable();
    table
      .string('source_id', 100)
      .nullable()
      .comment('The source record (BRE-n, INC-n, REV-n/A-m, ...)');
    table
      .string('source_key', 255)
      .nullable()
      .comment('What the suggestions job proposed it for; unique');
    table
      .string('owner', 255)
      .nullable()
      .comment('User or group driving it, lowercase');
    table
      .string('owning_group', 255)
      .nullable()
      .comment('The group that owns it, lowercase');
    table.integer('benefit').notNullable();
    table.integer('effort').notNullable();
    table.integer('urgency').notNullable();
    table
      .integer('score_tenths')
      .notNullable()
      .comment('improvementScore × 10, for sorting');
    table.string('target_date', 10).nullable().comment('YYYY-MM-DD');
    table.text('nonconformity').nullable();
    table.text('correction').nullable();
    table.text('root_cause').nullable();
    table.text('effectiveness_review').nullable();
    table.text('kpi').nullable().comment('JSON: the KPI it is measured by');
    figure(table, 'baseline');
    figure(table, 'measured');
    ts(table, 'measure_due_at')
      .nullable()
      .comment('End of the measurement window, set on implementation');
    table.double('goal').nullable();
    table
      .string('verdict', 16)
      .nullable()
      .comment('achieved | not_achieved | inconclusive');
    table.text('evaluation').nullable();
    table.string('approved_by', 255).nullable();
    ts(table, 'approved_at').nullable();
    ts(table, 'started_at').nullable();
    ts(table, 'implemented_at').nullable();
    ts(table, 'evaluated_at').nullable();
    ts(table, 'closed_at').nullable();
    ts(table, 'rejected_at').nullable();
    table.text('rejection_reason').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    // Suggestions are never duplicated, whatever the status of the first one.
    table.unique(['source_key'], {
      indexName: 'itsm_improvements_source_key_uq',
    });
    // The board by status, the overdue filter and the evaluation job.
    table.index(['status', 'target_date'], 'itsm_improvements_status_idx');
    table.index(
      ['status', 'measure_due_at'],
      'itsm_improvements_measure_due_idx',
    );
    table.index(['score_tenths', 'seq'], 'itsm_improvements_score_idx');
    table.index(['owner'], 'itsm_improvements_owner_idx');
    table.index(['owning_group'], 'itsm_improvements_owning_group_idx');
    table.index(['source', 'source_id'], 'itsm_improvements_source_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('itsm_record_links')
    .where('from_type', 'improvement')
    .orWhere('to_type', 'improvement')
    .delete();
  await knex('itsm_record_entities')
    .where('record_type', 'improvement')
    .delete();
  await knex('itsm_history_events')
    .where('record_type', 'improvement')
    .delete();
  await knex.schema.dropTable('itsm_improvements');
};
