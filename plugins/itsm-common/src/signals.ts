/*
 * The live-update signals the ITSM backend publishes after every committed
 * record write, and the ITSM frontend subscribes to. Signals are broadcast, so
 * every message carries only the record's id and version: what any signed-in
 * user may learn. Everything else is read through the API, which checks
 * permissions. Messages are plain JSON (`type` aliases, so they satisfy the
 * `JsonObject` constraint of the signals services).
 */

/**
 * What every ITSM signal carries: the record written and its version after the write.
 *
 * @public
 */
export type RecordSignal = { id: string; version: number };

/**
 * Channel of one incident's live updates: an {@link IncidentSignal} on every
 * write of it.
 *
 * @public
 */
export function incidentSignalChannel(id: string): string {
  return `itsm:incident:${id}`;
}

/**
 * Channel of all incidents: an {@link IncidentsSignal} on every incident write.
 *
 * @public
 */
export const INCIDENTS_SIGNAL_CHANNEL = 'itsm:incidents';

/**
 * What {@link incidentSignalChannel} carries: the incident and its version after the write.
 *
 * @public
 */
export type IncidentSignal = RecordSignal;

/**
 * What {@link INCIDENTS_SIGNAL_CHANNEL} carries: the incident and its version. A page showing
 * some incidents reloads them on any message (the message does not say which entity it is about).
 *
 * @public
 */
export type IncidentsSignal = RecordSignal;

/**
 * Channel of one change's live updates: a {@link ChangeSignal} on every write of it.
 *
 * @public
 */
export function changeSignalChannel(id: string): string {
  return `itsm:change:${id}`;
}

/**
 * Channel of all changes: a {@link ChangesSignal} on every change write.
 *
 * @public
 */
export const CHANGES_SIGNAL_CHANNEL = 'itsm:changes';

/** What {@link changeSignalChannel} carries. @public */
export type ChangeSignal = RecordSignal;

/** What {@link CHANGES_SIGNAL_CHANNEL} carries: the change and its version. @public */
export type ChangesSignal = RecordSignal;

/** Channel of one problem's live updates: a {@link RecordSignal} on every write. @public */
export function problemSignalChannel(id: string): string {
  return `itsm:problem:${id}`;
}

/** Channel of all problems: a {@link RecordSignal} on every problem write. @public */
export const PROBLEMS_SIGNAL_CHANNEL = 'itsm:problems';

/** Channel of one known error's live updates. @public */
export function knownErrorSignalChannel(id: string): string {
  return `itsm:known-error:${id}`;
}

/** Channel of all known errors. @public */
export const KNOWN_ERRORS_SIGNAL_CHANNEL = 'itsm:known-errors';
