export { IncidentLink, useIncidentPath, useRecordPath } from './IncidentLink';
