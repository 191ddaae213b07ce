export { ChangesPage } from './ChangesPage';
export { ChangesListPage } from './ChangesListPage';
