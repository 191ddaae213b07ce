export { MajorBadge, PriorityChip, StatusChip } from './IncidentBadges';
