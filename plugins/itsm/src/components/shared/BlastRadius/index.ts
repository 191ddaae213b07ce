export { BlastRadiusCard, BLAST_RADIUS_DEPTH } from './BlastRadiusCard';
export { BlastRadiusList } from './BlastRadiusList';
export { ImpactedServicesCard } from './ImpactedServicesCard';
