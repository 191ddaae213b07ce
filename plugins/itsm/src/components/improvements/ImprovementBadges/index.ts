export {
  ImprovementKindChip,
  ImprovementOverdueChip,
  ImprovementStatusChip,
  ScoreChip,
  VerdictChip,
} from './ImprovementBadges';
