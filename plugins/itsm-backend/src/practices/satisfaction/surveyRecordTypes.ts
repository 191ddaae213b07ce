import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Survey campaigns: `SUR-<seq>` in `itsm_surveys`, filed as `survey` in the shared tables. */
export const surveyRecordType = defineRecordType({
  recordType: 'survey',
  prefix: 'SUR',
  table: 'itsm_surveys',
  collection: 'surveys',
  noun: 'survey',
});

/**
 * Survey templates of one's own, keyed on the wire by their slug; their history is filed under
 * their `seq` as `survey_template`.
 */
export const surveyTemplateRecordType = defineRecordType({
  recordType: 'survey_template',
  // Templates have no prefixed wire id; the prefix is never formatted.
  prefix: 'SUR',
  table: 'itsm_survey_templates',
  collection: 'survey-templates',
  noun: 'survey template',
});

/** The campaign table's versioned writes, history and pages. */
export const surveyTable = new KnexRecordTable(surveyRecordType);

/** The template table's versioned writes and history. */
export const surveyTemplateTable = new KnexRecordTable(
  surveyTemplateRecordType,
);

/** The invitations: who was asked, and the practice's notification ledger. */
export const SURVEY_INVITATIONS = 'itsm_survey_invitations';

/** The responses, written once. */
export const SURVEY_RESPONSES = 'itsm_survey_responses';
