export { KnownErrorsListPage, KnownErrorsPage } from './KnownErrorsPage';
export { KnownErrorsTable } from './KnownErrorsTable';
