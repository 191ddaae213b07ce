export {
  CategoryField,
  CausedByChangeField,
  type IncidentCauseValues,
} from './IncidentCauseFields';
