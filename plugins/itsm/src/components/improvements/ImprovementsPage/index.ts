export { ImprovementsListPage, ImprovementsPage } from './ImprovementsPage';
export { ImprovementBoard, groupByStatus } from './ImprovementBoard';
export { ImprovementsTable } from './ImprovementsTable';
