import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Improvement items: `IMP-<seq>` in `itsm_improvements`, filed as `improvement`. */
export const improvementRecordType = defineRecordType({
  recordType: 'improvement',
  prefix: 'IMP',
  table: 'itsm_improvements',
  collection: 'improvements',
  noun: 'improvement',
});

/** The improvement table's versioned writes and history. */
export const improvementTable = new KnexRecordTable(improvementRecordType);
