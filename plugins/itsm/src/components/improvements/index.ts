// The continual improvement register (DESIGN §3 "Continual improvement"): the register's
// board and table, the raise form, the item page with its measured effect, the entity
// section, and the "Raise improvement" button other practices put on their records.
export {
  entityImprovementsRouteRef,
  improvementRouteRef,
  improvementsRouteRef,
  newImprovementRouteRef,
} from './routes';
export { ImprovementsListPage, ImprovementsPage } from './ImprovementsPage';
export { ImprovementPage } from './ImprovementPage';
export { NewImprovementPage } from './ImprovementForm';
export {
  EntityImprovementsContent,
  ImprovementsSection,
} from './ImprovementsSection';
export { ImprovementLink } from './ImprovementLink';
export { RaiseImprovementButton } from './RaiseImprovementButton';
export { ImprovementStatusChip, VerdictChip } from './ImprovementBadges';
export {
  improvementHistoryLabels,
  improvementKind,
} from './record/improvementKind';
