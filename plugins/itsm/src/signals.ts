/** Channel of one incident: a message on every write of it. */
export function incidentChannel(id: string): string {
  return `itsm:incident:${id}`;
}

/** Channel of all incidents: a message on any incident write. */
export const INCIDENTS_CHANNEL = 'itsm:incidents';

/** What `itsm:incident:<id>` carries. */
export type IncidentSignal = { id: string; version: number };

/** What `itsm:incidents` carries: the incident and its primary entity. */
export type IncidentsSignal = { id: string; entityRef: string };

/** True when an `itsm:incidents` message is about an incident of `entityRef` (any ref case). */
export function concernsEntity(
  message: IncidentsSignal,
  entityRef: string,
): boolean {
  return (
    typeof message.entityRef === 'string' &&
    message.entityRef.toLocaleLowerCase('en-US') ===
      entityRef.toLocaleLowerCase('en-US')
  );
}
