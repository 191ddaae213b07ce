export { ProblemActions } from './ProblemActions';
export { ProblemTransitionDialog } from './ProblemTransitionDialog';
export { EditProblemDialog } from './EditProblemDialog';
export {
  offeredProblemTransitions,
  problemTransitionLabel,
} from './problemTransitions';
