export {
  IncidentLink,
  RecordRouteLink,
  useIncidentPath,
  useRecordPath,
} from './IncidentLink';
