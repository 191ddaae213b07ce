/*
 * The notification ledger: one row per escalation, SLA warning or breach that
 * was notified, so each is sent exactly once across replicas and crashes.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_notification_ledger', table => {
    table.comment(
      'Escalations, SLA warnings and breaches, inserted in the transaction that records them; only the inserter notifies',
    );
    table.bigIncrements('id');
    table.string('record_type', 32).notNullable();
    table.integer('record_seq').notNullable();
    table.string('clock', 32).notNullable().comment('response | resolution');
    table
      .double('threshold')
      .notNullable()
      .comment('Percent of the clock target');
    table
      .string('cycle', 64)
      .notNullable()
      .comment(
        'The clock run (start and target); a re-targeted clock starts a new cycle',
      );
    table
      .string('scope', 255)
      .notNullable()
      .comment(
        'Notification scope, so a resend updates instead of duplicating',
      );
    table.text('recipients').notNullable().comment('JSON array of entity refs');
    table.text('payload').notNullable().comment('JSON notification payload');
    ts(table, 'created_at').notNullable();
    ts(table, 'claimed_at')
      .notNullable()
      .comment('When a sender last took the row; stale claims are resent');
    ts(table, 'notified_at').nullable();
    table.unique(['record_type', 'record_seq', 'clock', 'threshold', 'cycle'], {
      indexName: 'itsm_notification_ledger_key_uq',
    });
    table.index(
      ['notified_at', 'claimed_at'],
      'itsm_notification_ledger_pending_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_notification_ledger');
};
