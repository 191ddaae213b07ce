export { Actor, HistoryEventItem, IncidentHistory } from './IncidentHistory';
export { actionLabel, changeLines, formatFieldValue } from './describeEvent';
