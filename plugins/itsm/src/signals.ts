// The channels and messages are defined once, in -common, for the backend that
// publishes them and the hooks that subscribe; re-exported here under the names
// the hooks and components import. Collection messages carry only an id and a
// version, so a page showing some records reloads them on any message.
export {
  incidentSignalChannel as incidentChannel,
  INCIDENTS_SIGNAL_CHANNEL as INCIDENTS_CHANNEL,
  problemSignalChannel as problemChannel,
  knownErrorSignalChannel as knownErrorChannel,
} from '@backstage-itsm/plugin-itsm-common';
export type {
  IncidentSignal,
  IncidentsSignal,
} from '@backstage-itsm/plugin-itsm-common';
