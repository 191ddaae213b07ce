import type {
  HistoryEvent,
  Page,
  RecordIdPrefix,
} from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApi, RecordCollection } from '../api';
import type { HistoryLabels } from './history/describeEvent';

/** What every record the kit handles carries. */
export interface VersionedRecord {
  id: string;
  version: number;
}

/** The target of a versioned write: the record and the version the form was opened at. */
export interface WriteTarget {
  id: string;
  version: number;
}

/**
 * How the kit reads and writes one kind of record. Each defaults to the generic
 * {@link ItsmApi} method on the kind's collection; a practice names its own method where it
 * has one (`getIncident`, `transitionChange`, ...), so code and tests that use those keep
 * seeing every call.
 */
export interface RecordMethods<T, TPatch = unknown, TTransition = unknown> {
  get(api: ItsmApi, id: string): Promise<T>;
  history(
    api: ItsmApi,
    options: { id: string; cursor?: string },
  ): Promise<Page<HistoryEvent>>;
  patch(api: ItsmApi, options: WriteTarget & { patch: TPatch }): Promise<T>;
  transition(
    api: ItsmApi,
    options: WriteTarget & { transition: TTransition },
  ): Promise<T>;
}

/**
 * One kind of record (incident, change, SLA, ...), as a practice describes it to the kit:
 * where it lives on the API, what it is called, its id prefix, its live channel and the
 * words its history uses.
 */
export interface RecordKind<
  T extends VersionedRecord = VersionedRecord,
  TPatch = unknown,
  TTransition = unknown,
> {
  /** The API collection, as in `/api/itsm/{collection}/{id}`. */
  collection: RecordCollection;
  /** What one record is called in sentences: `incident`, `change`, `SLA`. */
  noun: string;
  /** The id prefixes of its records (none for calendars, whose ids are names). */
  idPrefixes: readonly RecordIdPrefix[];
  /** The signal channel that announces a new version of one record, if there is one. */
  channel?: (id: string) => string;
  /** The practice's words for the actions and fields of its history. */
  historyLabels: HistoryLabels;
  /** The practice's own API methods for this kind; generic ones otherwise. */
  methods?: Partial<RecordMethods<T, TPatch, TTransition>>;
}

/** Declares a {@link RecordKind}; only names the types. */
export function defineRecordKind<
  T extends VersionedRecord,
  TPatch = unknown,
  TTransition = unknown,
>(
  kind: RecordKind<T, TPatch, TTransition>,
): RecordKind<T, TPatch, TTransition> {
  return kind;
}

/** The kind's methods, its own where it names them and the generic ones otherwise. */
export function recordMethods<T extends VersionedRecord, TPatch, TTransition>(
  kind: RecordKind<T, TPatch, TTransition>,
): RecordMethods<T, TPatch, TTransition> {
  const { collection } = kind;
  return {
    get: (api, id) => api.getRecord<T>({ collection, id }),
    history: (api, options) => api.getRecordHistory({ collection, ...options }),
    patch: (api, options) => api.patchRecord<T>({ collection, ...options }),
    transition: (api, options) =>
      api.transitionRecord<T>({ collection, ...options }),
    ...kind.methods,
  };
}
