export {
  OverdueChip,
  ReviewActionStatusChip,
  ReviewStatusChip,
} from './ReviewBadges';
