export { ImprovementActions } from './ImprovementActions';
export { ImprovementTransitionDialog } from './ImprovementTransitionDialog';
export { EditImprovementDialog } from './EditImprovementDialog';
export {
  improvementTransitionFields,
  improvementTransitionLabel,
  offeredImprovementTransitions,
  toTransitionRequest,
} from './improvementTransitions';
