import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Problems: `PRB-<seq>` in `itsm_problems`, filed as `problem` in the shared tables. */
export const problemRecordType = defineRecordType({
  recordType: 'problem',
  prefix: 'PRB',
  table: 'itsm_problems',
  collection: 'problems',
  noun: 'problem',
});

/** Known errors: `KE-<seq>` in `itsm_known_errors`, filed as `known_error`. */
export const knownErrorRecordType = defineRecordType({
  recordType: 'known_error',
  prefix: 'KE',
  table: 'itsm_known_errors',
  collection: 'known-errors',
  noun: 'known error',
});

/** The problem table's versioned writes and history. */
export const problemTable = new KnexRecordTable(problemRecordType);

/** The known error table's versioned writes and history. */
export const knownErrorTable = new KnexRecordTable(knownErrorRecordType);

/** The ledger of known errors offered to and applied on incidents. */
export const KNOWN_ERROR_USES = 'itsm_known_error_uses';
