export { SlaTone } from './SlaTone';
