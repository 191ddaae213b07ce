/*
 * The live-update signals the ITSM backend publishes after every committed
 * incident write, and the ITSM frontend subscribes to. Messages are plain JSON
 * (`type` aliases, so they satisfy the `JsonObject` constraint of the signals
 * services).
 */

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
export type IncidentSignal = { id: string; version: number };

/**
 * What {@link INCIDENTS_SIGNAL_CHANNEL} carries: the incident and its primary entity ref.
 *
 * @public
 */
export type IncidentsSignal = { id: string; entityRef: string };

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
export type ChangeSignal = { id: string; version: number };

/** What {@link CHANGES_SIGNAL_CHANNEL} carries: the change, its status and its entities. @public */
export type ChangesSignal = {
  id: string;
  status: string;
  entityRefs: string[];
};
