/*
 * The record kernel: links between records of any practice (problem ↔ incident, known error ↔
 * problem, improvement ↔ anything, review ↔ SLA, ...), and a history key for calendars, whose
 * ids are strings while the shared history is keyed by number.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('itsm_record_links', table => {
    table.comment(
      'Links between records; each link and unlink is a history event on both records',
    );
    table.increments('seq').comment('The link id');
    table
      .string('from_type', 32)
      .notNullable()
      .comment('record_type of the record the link was made on');
    table.integer('from_seq').notNullable();
    table.string('to_type', 32).notNullable();
    table.integer('to_seq').notNullable();
    table.string('relation', 32).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('created_by', 255).notNullable();
    table.unique(['from_type', 'from_seq', 'to_type', 'to_seq', 'relation'], {
      indexName: 'itsm_record_links_unique_idx',
    });
    table.index(['to_type', 'to_seq'], 'itsm_record_links_to_idx');
  });

  await knex.schema.alterTable('itsm_calendars', table => {
    table
      .integer('history_seq')
      .nullable()
      .comment('The key of the calendar in the shared history table');
  });
  // Calendars stored before this migration: numbered in the order they were created.
  const rows = await knex('itsm_calendars')
    .select('id')
    .orderBy([{ column: 'created_at' }, { column: 'id' }]);
  let next = 1;
  for (const row of rows) {
    await knex('itsm_calendars')
      .where('id', row.id)
      .update({ history_seq: next++ });
  }
  await knex.schema.alterTable('itsm_calendars', table => {
    table.unique(['history_seq'], {
      indexName: 'itsm_calendars_history_seq_idx',
    });
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('itsm_calendars', table => {
    table.dropUnique(['history_seq'], 'itsm_calendars_history_seq_idx');
    table.dropColumn('history_seq');
  });
  await knex.schema.dropTable('itsm_record_links');
};
