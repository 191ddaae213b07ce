export {
  RaiseComplaintDialog,
  raiseComplaintRequest,
  type RaiseComplaintValues,
} from './RaiseComplaintDialog';
