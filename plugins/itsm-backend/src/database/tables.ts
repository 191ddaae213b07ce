/** Tables of the plugin's database and the record type they hold for incidents. */
export const TABLES = {
  incidents: 'itsm_incidents',
  entities: 'itsm_record_entities',
  history: 'itsm_history_events',
  clocks: 'itsm_sla_clocks',
} as const;

/** `record_type` of incidents in the shared entity, history and clock tables. */
export const INCIDENT_RECORD_TYPE = 'incident';
