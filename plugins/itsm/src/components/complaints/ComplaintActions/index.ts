export { ComplaintActions } from './ComplaintActions';
export { ComplaintTransitionDialog } from './ComplaintTransitionDialog';
export { EditComplaintDialog } from './EditComplaintDialog';
export {
  complaintRoleOf,
  complaintTransitionLabel,
  offeredComplaintTransitions,
  type ComplaintRole,
} from './complaintTransitions';
export { useViewer, type Viewer } from './useViewer';
