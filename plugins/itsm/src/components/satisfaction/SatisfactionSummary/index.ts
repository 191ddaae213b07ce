export { SatisfactionSummary } from './SatisfactionSummary';
