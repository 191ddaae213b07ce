/*
 * Major incident fields: the incident manager, the outage window (availability
 * is computed from it) and the post-incident review required before closure.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.string('incident_manager', 255).nullable();
    table.timestamp('outage_start', { useTz: true, precision: 3 }).nullable();
    table.timestamp('outage_end', { useTz: true, precision: 3 }).nullable();
    table
      .text('post_incident_review')
      .nullable()
      .comment('JSON { summary, rootCause?, lessonsLearned?, problemId? }');
    table.index(['major', 'status'], 'itsm_incidents_major_status_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_incidents', table => {
    table.dropIndex(['major', 'status'], 'itsm_incidents_major_status_idx');
    table.dropColumn('post_incident_review');
    table.dropColumn('outage_end');
    table.dropColumn('outage_start');
    table.dropColumn('incident_manager');
  });
};
