export { ImprovementForm, NewImprovementPage } from './NewImprovementPage';
export { ImprovementFields } from './ImprovementFields';
export { ScoreBreakdown } from './ScorePreview';
export {
  emptyImprovementValues,
  isImprovementEditable,
  isKpiEditable,
  kpiRequestOf,
  patchResolver,
  toCreateRequest,
  toPatchRequest,
  valuesFromDraft,
  valuesOfImprovement,
  type ImprovementFormValues,
} from './improvementForm';
