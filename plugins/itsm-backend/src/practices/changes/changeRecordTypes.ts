import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Changes: `CHG-<seq>` in `itsm_changes`. */
export const changeRecordType = defineRecordType({
  recordType: 'change',
  prefix: 'CHG',
  table: 'itsm_changes',
  collection: 'changes',
  noun: 'change',
});

/** Standard change templates: `STD-<seq>` in `itsm_change_templates`. */
export const changeTemplateRecordType = defineRecordType({
  recordType: 'change_template',
  prefix: 'STD',
  table: 'itsm_change_templates',
  collection: 'change-templates',
  noun: 'standard change template',
});

/** Tables of the change practice. */
export const CHANGE_TABLES = {
  changes: changeRecordType.table,
  changeEntities: 'itsm_change_entities',
  changeApprovals: 'itsm_change_approvals',
  changeTemplates: changeTemplateRecordType.table,
  changeTemplateEntities: 'itsm_change_template_entities',
} as const;

/** `record_type` of changes in the shared history table. */
export const CHANGE_RECORD_TYPE = changeRecordType.recordType;

/** `record_type` of standard change templates in the shared history table. */
export const CHANGE_TEMPLATE_RECORD_TYPE = changeTemplateRecordType.recordType;

export const changeTable = new KnexRecordTable(changeRecordType);
export const changeTemplateTable = new KnexRecordTable(
  changeTemplateRecordType,
);
