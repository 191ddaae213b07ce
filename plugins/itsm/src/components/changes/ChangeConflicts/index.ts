export { ConflictsList, conflictSummary } from './ConflictsList';
