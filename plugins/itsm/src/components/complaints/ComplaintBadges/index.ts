export { ComplaintStatusChip, EscalatedChip } from './ComplaintBadges';
