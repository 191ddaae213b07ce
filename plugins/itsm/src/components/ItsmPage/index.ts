export { IncidentsPage, ItsmPage } from './ItsmPage';
