/** Tables of the plugin's database and the record type they hold for incidents. */
export const TABLES = {
  incidents: 'itsm_incidents',
  entities: 'itsm_record_entities',
  history: 'itsm_history_events',
  clocks: 'itsm_sla_clocks',
  changes: 'itsm_changes',
  changeEntities: 'itsm_change_entities',
  changeApprovals: 'itsm_change_approvals',
  changeTemplates: 'itsm_change_templates',
  changeTemplateEntities: 'itsm_change_template_entities',
} as const;

/** `record_type` of incidents in the shared entity, history and clock tables. */
export const INCIDENT_RECORD_TYPE = 'incident';

/** `record_type` of changes in the shared history table. */
export const CHANGE_RECORD_TYPE = 'change';

/** `record_type` of standard change templates in the shared history table. */
export const CHANGE_TEMPLATE_RECORD_TYPE = 'change_template';
