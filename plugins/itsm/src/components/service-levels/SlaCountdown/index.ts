export { SlaCountdown } from './SlaCountdown';
