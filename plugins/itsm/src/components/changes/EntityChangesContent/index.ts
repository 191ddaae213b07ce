export { EntityChangesContent } from './EntityChangesContent';
export {
  FINISHED_CHANGE_STATUSES,
  OPEN_CHANGE_STATUSES,
  orderForEntity,
} from './orderChanges';
