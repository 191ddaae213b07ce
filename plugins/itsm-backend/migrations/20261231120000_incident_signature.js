/*
 * Incidents carry a signature (the alert name, the PagerDuty service and title, else the
 * normalised title) so recurrence can be counted: stored and indexed with the primary entity.
 * Incidents stored before this migration have none until problem detection backfills them.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table
      .string('signature', 255)
      .nullable()
      .comment('What makes two incidents the same thing happening again');
    table.index(['signature', 'created_at'], 'itsm_incidents_signature_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(
      ['signature', 'created_at'],
      'itsm_incidents_signature_idx',
    );
    table.dropColumn('signature');
  });
};
