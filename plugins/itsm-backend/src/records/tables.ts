/** The kernel's shared tables: every record type files its rows here under its `record_type`. */
export const RECORD_TABLES = {
  /** The catalog entities a record is attached to, with their owners. */
  entities: 'itsm_record_entities',
  /** The append-only history of every record. */
  history: 'itsm_history_events',
  /** Persisted SLA clocks of records. */
  clocks: 'itsm_sla_clocks',
  /** Links between records. */
  links: 'itsm_record_links',
} as const;
