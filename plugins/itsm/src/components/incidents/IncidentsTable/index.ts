export { IncidentsTable, compareSlaTimeLeft } from './IncidentsTable';
export type { IncidentsTableProps } from './IncidentsTable';
export { SlaTimeLeft } from './SlaTimeLeft';
