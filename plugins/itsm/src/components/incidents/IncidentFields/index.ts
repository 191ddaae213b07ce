export {
  CausedByChangeField,
  type IncidentCauseValues,
} from './IncidentCauseFields';
export {
  CategoryFields,
  categoryLabel,
  type IncidentCategoryValues,
} from './CategoryFields';
