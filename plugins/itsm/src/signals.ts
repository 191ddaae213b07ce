import type { IncidentsSignal } from '@backstage-itsm/plugin-itsm-common';

// The channels and messages are defined once, in -common, for the backend that
// publishes them and the hooks that subscribe; re-exported here under the names
// the hooks and components import.
export {
  incidentSignalChannel as incidentChannel,
  INCIDENTS_SIGNAL_CHANNEL as INCIDENTS_CHANNEL,
} from '@backstage-itsm/plugin-itsm-common';
export type {
  IncidentSignal,
  IncidentsSignal,
} from '@backstage-itsm/plugin-itsm-common';

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
