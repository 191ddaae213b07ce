export { IncidentLink, useIncidentPath } from './IncidentLink';
