import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Complaints: `CMP-<seq>` in `itsm_complaints`, filed as `complaint` in the shared tables. */
export const complaintRecordType = defineRecordType({
  recordType: 'complaint',
  prefix: 'CMP',
  table: 'itsm_complaints',
  collection: 'complaints',
  noun: 'complaint',
});

/** The complaint table's versioned writes and history. */
export const complaintTable = new KnexRecordTable(complaintRecordType);
