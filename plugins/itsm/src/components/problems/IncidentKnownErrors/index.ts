export { IncidentKnownErrors } from './IncidentKnownErrors';
