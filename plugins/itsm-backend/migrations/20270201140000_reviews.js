/*
 * Service reviews (REV-<seq>) of a service with its customers under its SLA: the review, its
 * frozen review pack (one row per review, replaced while the review may still be re-frozen),
 * the SLA's customer groups stored with it (the "customer of the service" permission rule is
 * SQL on them), and the actions recorded at it. The reviewed service and its owner go to
 * itsm_record_entities (record_type 'review'), history to itsm_history_events, links to
 * itsm_record_links; review-due and action reminders to itsm_notification_ledger.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_reviews', table => {
    table.comment('Service reviews; the wire id is REV-<seq>');
    table.increments('seq').comment('Orders and pages the records');
    table.integer('version').notNullable().comment('+1 per business write');
    table.string('status', 32).notNullable();
    table.string('title', 200).notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The reviewed service, lowercase');
    table.integer('sla_seq').notNullable().comment('The SLA (SLA-<seq>)');
    ts(table, 'period_from').notNullable();
    ts(table, 'period_to').notNullable();
    ts(table, 'scheduled_for').notNullable();
    table
      .string('schedule_key', 255)
      .nullable()
      .comment(
        'sla_seq|period_from of a review the scheduling job made: one per SLA and period',
      );
    table.text('attendees').notNullable().comment('JSON entity refs');
    table.text('agenda').notNullable().comment('JSON ReviewAgendaItem[]');
    table.text('minutes').notNullable().comment('Markdown');
    table.text('decisions').notNullable().comment('JSON ReviewDecision[]');
    ts(table, 'held_at').nullable();
    table.text('cancel_reason').nullable();
    ts(table, 'pack_frozen_at').nullable();
    table.string('pack_hash', 64).nullable().comment('sha256 hex');
    table.string('pack_generator_version', 64).nullable();
    table.string('signed_off_by', 255).nullable();
    ts(table, 'signed_off_at').nullable();
    table.text('sign_off_comment').nullable();
    ts(table, 'closed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    // NULL keys of reviews scheduled by hand are distinct on every supported database.
    table.unique(['schedule_key'], { indexName: 'itsm_reviews_schedule_uq' });
    table.index(['entity_ref', 'status'], 'itsm_reviews_entity_status_idx');
    table.index(['status', 'scheduled_for'], 'itsm_reviews_due_idx');
    table.index(['sla_seq', 'status'], 'itsm_reviews_sla_idx');
  });

  await knex.schema.createTable('itsm_review_packs', table => {
    table.comment(
      'The frozen pack of a review, exactly as generated (its hash is on the review)',
    );
    table.integer('review_seq').primary();
    table.text('pack').notNullable().comment('JSON ReviewPack, as frozen');
  });

  await knex.schema.createTable('itsm_review_customers', table => {
    table.comment(
      'The customer groups of the SLA, stored with each review (who may read and sign it off)',
    );
    table.integer('review_seq').notNullable();
    table.string('group_ref', 255).notNullable().comment('Lowercase');
    table.primary(['review_seq', 'group_ref']);
    table.index(['group_ref'], 'itsm_review_customers_group_idx');
  });

  await knex.schema.createTable('itsm_review_actions', table => {
    table.comment('Actions recorded at reviews; wire id REV-<seq>/A-<number>');
    table.increments('seq').comment('Orders and pages the actions');
    table.integer('review_seq').notNullable();
    table
      .integer('number')
      .notNullable()
      .comment('A-<number> within the review');
    table.integer('version').notNullable().comment('+1 per write');
    table.string('title', 200).notNullable();
    table
      .string('owner', 255)
      .notNullable()
      .comment('User or group, lowercase');
    table.string('due_date', 10).nullable().comment('YYYY-MM-DD');
    table.string('status', 16).notNullable();
    table.text('note').nullable();
    table.string('record_id', 32).nullable();
    ts(table, 'completed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.unique(['review_seq', 'number'], {
      indexName: 'itsm_review_actions_number_uq',
    });
    table.index(['owner', 'status'], 'itsm_review_actions_owner_idx');
    table.index(['status', 'due_date'], 'itsm_review_actions_due_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex('itsm_record_entities').where('record_type', 'review').delete();
  await knex('itsm_history_events').where('record_type', 'review').delete();
  await knex('itsm_record_links')
    .where('from_type', 'review')
    .orWhere('to_type', 'review')
    .delete();
  await knex('itsm_notification_ledger')
    .whereIn('record_type', ['review', 'review_action'])
    .delete();
  await knex.schema.dropTable('itsm_review_actions');
  await knex.schema.dropTable('itsm_review_customers');
  await knex.schema.dropTable('itsm_review_packs');
  await knex.schema.dropTable('itsm_reviews');
};
