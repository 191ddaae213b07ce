export {
  KnownErrorStatusChip,
  ProblemStatusChip,
  describeDetection,
} from './ProblemBadges';
