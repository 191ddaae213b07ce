export { EntitySlaContent } from './EntitySlaContent';
