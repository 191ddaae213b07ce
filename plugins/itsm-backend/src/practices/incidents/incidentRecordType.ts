import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Incidents: `INC-<seq>` in `itsm_incidents`, filed as `incident` in the shared tables. */
export const incidentRecordType = defineRecordType({
  recordType: 'incident',
  prefix: 'INC',
  table: 'itsm_incidents',
  collection: 'incidents',
  noun: 'incident',
});

/** `record_type` of incidents in the shared entity, history and clock tables. */
export const INCIDENT_RECORD_TYPE = incidentRecordType.recordType;

/** The incident table's versioned writes and history. */
export const incidentTable = new KnexRecordTable(incidentRecordType);
