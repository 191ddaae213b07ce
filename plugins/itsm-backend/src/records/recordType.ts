import {
  RecordIdPrefix,
  formatRecordId,
  parseRecordSeq,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What the kernel needs to know of a kind of record: the `record_type` it is filed under in
 * the shared history, entity and link tables, its id prefix, its table, the collection it is
 * served at and the noun its messages use.
 */
export interface RecordTypeDefinition {
  /** `record_type` in the shared tables, e.g. `incident`. */
  recordType: string;
  /** Id prefix, e.g. `INC`. */
  prefix: RecordIdPrefix;
  /** The table whose `seq` and `version` columns the record lives in. */
  table: string;
  /** The key column of the table (`seq` unless said otherwise). */
  keyColumn?: string;
  /** The REST collection, e.g. `incidents`. */
  collection: string;
  /** The noun of error messages, e.g. `incident`. */
  noun: string;
}

/** A record type with its id helpers. */
export interface RecordType extends RecordTypeDefinition {
  /** The wire id of a sequence number, like `INC-42`. */
  id(seq: number): string;
  /** The sequence number of an id of this type; undefined for anything else (404). */
  parse(id: string): number | undefined;
}

/** Declares a record type. */
export function defineRecordType(definition: RecordTypeDefinition): RecordType {
  return {
    ...definition,
    id: seq => formatRecordId(definition.prefix, seq),
    parse: id => parseRecordSeq(definition.prefix, id),
  };
}
