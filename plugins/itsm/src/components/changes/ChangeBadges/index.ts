export { ChangeStatusChip, ChangeTypeChip, RiskChip } from './ChangeBadges';
export { useChangeStatusColors } from './colors';
