export {
  EntityImprovementsContent,
  ImprovementsSection,
} from './ImprovementsSection';
