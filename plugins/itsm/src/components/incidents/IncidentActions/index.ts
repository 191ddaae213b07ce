export { IncidentActions } from './IncidentActions';
export { EditIncidentDialog } from './EditIncidentDialog';
export { TransitionDialog } from './TransitionDialog';
export { offeredTransitions, transitionLabel } from './transitions';
