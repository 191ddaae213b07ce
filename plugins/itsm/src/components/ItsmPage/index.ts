export { ItsmPage } from './ItsmPage';
