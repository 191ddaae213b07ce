export { SatisfactionSection } from './SatisfactionSection';
