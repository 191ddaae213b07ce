export { KnownErrorPage } from './KnownErrorPage';
