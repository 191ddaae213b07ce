export { Actor, HistoryEventItem, IncidentHistory } from './IncidentHistory';
// The timeline reads any record's history (incidents, changes): the generic name.
export { IncidentHistory as RecordHistory } from './IncidentHistory';
export { actionLabel, changeLines, formatFieldValue } from './describeEvent';
