export { ImprovementLink, useImprovementPath } from './ImprovementLink';
