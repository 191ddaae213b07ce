/*
 * Complaints against a service (CMP-<seq>), managed to closure. The service is filed in
 * itsm_record_entities (record_type 'complaint') with its owner, so the service-owner rule is
 * plain SQL; history goes to itsm_history_events, links (to incidents, changes, problems) to
 * itsm_record_links, and the one escalation of each complaint to itsm_notification_ledger.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_complaints', table => {
    table.comment('Complaints; the wire id is CMP-<seq>');
    table.increments('seq').comment('Orders and pages the records');
    table.integer('version').notNullable().comment('+1 per business write');
    table
      .string('status', 32)
      .notNullable()
      .comment('open | investigating | resolved | closed');
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The service complained about, lowercase');
    table
      .string('complainant', 255)
      .notNullable()
      .comment('Who raised it, lowercase');
    table
      .string('owner', 255)
      .nullable()
      .comment('User or group answering it, lowercase');
    table.string('channel', 32).nullable();
    table.string('category', 100).nullable();
    table.text('response').nullable().comment('The answer to the complainant');
    ts(table, 'escalated_at').nullable();
    ts(table, 'resolved_at').nullable();
    ts(table, 'closed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    // A service's complaints of a period (lists, the review pack's summary).
    table.index(['entity_ref', 'created_at'], 'itsm_complaints_entity_idx');
    // The escalation job: unanswered complaints raised before a cutoff.
    table.index(['status', 'created_at'], 'itsm_complaints_status_idx');
    table.index(['owner'], 'itsm_complaints_owner_idx');
    table.index(['complainant'], 'itsm_complaints_complainant_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('itsm_notification_ledger')
    .where('record_type', 'complaint')
    .delete();
  await knex('itsm_record_links')
    .where('from_type', 'complaint')
    .orWhere('to_type', 'complaint')
    .delete();
  await knex('itsm_record_entities').where('record_type', 'complaint').delete();
  await knex('itsm_history_events').where('record_type', 'complaint').delete();
  await knex.schema.dropTable('itsm_complaints');
};
