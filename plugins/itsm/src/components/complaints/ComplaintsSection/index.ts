export { ComplaintsSection } from './ComplaintsSection';
