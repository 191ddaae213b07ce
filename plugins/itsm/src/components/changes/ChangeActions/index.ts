export { ChangeActions } from './ChangeActions';
export { offeredChangeTransitions } from './changeTransitions';
