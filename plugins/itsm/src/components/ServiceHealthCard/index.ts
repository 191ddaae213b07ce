export { ServiceHealthCard, ServiceHealthSummary } from './ServiceHealthCard';
