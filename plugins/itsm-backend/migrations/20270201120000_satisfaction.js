/*
 * Customer satisfaction: survey templates, campaigns (SUR-<seq>), invitations and responses.
 * A campaign's entity goes to itsm_record_entities (record_type 'survey'), its history to
 * itsm_history_events, links to itsm_record_links. Invitations are the notification ledger of
 * the practice: one row per person and campaign, or per incident and resolution cycle, inserted
 * before the notification is sent (only the inserter sends). Responses are written once and
 * never edited; a response in an anonymous campaign holds no respondent, and the invitation
 * that was answered keeps no time of the answer.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table @param {string} name */
  const ts = (table, name) =>
    table.timestamp(name, { useTz: true, precision: 3 });

  await knex.schema.createTable('itsm_survey_templates', table => {
    table.comment('Survey templates of one’s own (built-in ones live in code)');
    table.increments('seq').comment('Orders and pages; files the history');
    table.string('id', 60).notNullable().unique().comment('Slug, the wire id');
    table.integer('version').notNullable().comment('+1 per business write');
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.text('questions').notNullable().comment('JSON SurveyQuestion[]');
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
  });

  await knex.schema.createTable('itsm_surveys', table => {
    table.comment('Survey campaigns; the wire id is SUR-<seq>');
    table.increments('seq');
    table.integer('version').notNullable().comment('+1 per business write');
    table.string('status', 16).notNullable().comment('draft | open | closed');
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The service asked about, lowercase');
    table.string('template_id', 60).notNullable();
    table
      .text('questions')
      .notNullable()
      .comment('JSON SurveyQuestion[]: the template’s when it was chosen');
    table.boolean('anonymous').notNullable();
    table.text('audience').notNullable().comment('JSON SurveyAudience');
    ts(table, 'closes_at').nullable();
    ts(table, 'opened_at').nullable();
    ts(table, 'closed_at').nullable();
    ts(table, 'created_at').notNullable();
    table.string('created_by', 255).notNullable();
    ts(table, 'updated_at').notNullable();
    table.index(['entity_ref', 'status'], 'itsm_surveys_entity_ref_idx');
    table.index(['status', 'closes_at'], 'itsm_surveys_status_closes_idx');
  });

  await knex.schema.createTable('itsm_survey_invitations', table => {
    table.comment(
      'Who was asked: one row per person and campaign, or per incident and resolution cycle; inserted before the notification, only the inserter sends',
    );
    table.increments('seq');
    table
      .string('source_type', 16)
      .notNullable()
      .comment('campaign | incident');
    table.integer('survey_seq').nullable();
    table.integer('incident_seq').nullable();
    table
      .integer('cycle')
      .nullable()
      .comment('The incident’s resolution cycle: 1 for its first resolution');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The service asked about, lowercase');
    table.string('invitee', 255).notNullable().comment('User ref, lowercase');
    table
      .string('invitee_hash', 64)
      .notNullable()
      .comment('sha256 of source id | invitee: one answer per person');
    table
      .boolean('answered')
      .notNullable()
      .comment('No time is kept: an anonymous answer cannot be matched to it');
    ts(table, 'invited_at').notNullable();
    ts(table, 'expires_at').notNullable();
    table.string('scope', 255).notNullable().comment('Notification scope');
    table.text('payload').notNullable().comment('JSON notification payload');
    ts(table, 'claimed_at')
      .notNullable()
      .comment('When a sender last took the row; stale claims are resent');
    ts(table, 'notified_at').nullable();
    // Exactly once per person and campaign, and per incident and cycle (NULLs of the other
    // kind are distinct on every supported database).
    table.unique(['survey_seq', 'invitee_hash'], {
      indexName: 'itsm_survey_invitations_campaign_uq',
    });
    table.unique(['incident_seq', 'cycle'], {
      indexName: 'itsm_survey_invitations_incident_uq',
    });
    table.index(
      ['entity_ref', 'invited_at'],
      'itsm_survey_invitations_entity_idx',
    );
    table.index(['invitee'], 'itsm_survey_invitations_invitee_idx');
    table.index(
      ['notified_at', 'claimed_at'],
      'itsm_survey_invitations_pending_idx',
    );
  });

  await knex.schema.createTable('itsm_survey_responses', table => {
    table.comment('Survey responses: written once, never edited');
    table.increments('seq');
    table
      .string('source_type', 16)
      .notNullable()
      .comment('campaign | incident');
    table.integer('survey_seq').nullable();
    table.integer('incident_seq').nullable();
    table.integer('cycle').nullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('The service rated, lowercase');
    table
      .string('respondent', 255)
      .nullable()
      .comment('User ref, lowercase; null in an anonymous campaign');
    table.integer('rating').nullable().comment('CSAT answer 1–5');
    table.integer('nps').nullable().comment('NPS answer 0–10');
    table.text('comment').nullable().comment('Why (required with a low score)');
    table.text('answers').notNullable().comment('JSON answers by question id');
    ts(table, 'submitted_at').notNullable();
    table.unique(['survey_seq', 'respondent'], {
      indexName: 'itsm_survey_responses_campaign_uq',
    });
    table.unique(['incident_seq', 'cycle'], {
      indexName: 'itsm_survey_responses_incident_uq',
    });
    table.index(
      ['entity_ref', 'submitted_at'],
      'itsm_survey_responses_entity_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('itsm_survey_responses');
  await knex.schema.dropTable('itsm_survey_invitations');
  await knex.schema.dropTable('itsm_surveys');
  await knex.schema.dropTable('itsm_survey_templates');
  // The kernel's tables outlive this migration: the campaigns' rows in them go with it.
  await knex('itsm_record_entities').where('record_type', 'survey').delete();
  await knex('itsm_record_links')
    .where('from_type', 'survey')
    .orWhere('to_type', 'survey')
    .delete();
  await knex('itsm_history_events')
    .whereIn('record_type', ['survey', 'survey_template'])
    .delete();
};
