export { EntityIncidentsTable } from './EntityIncidentsTable';
