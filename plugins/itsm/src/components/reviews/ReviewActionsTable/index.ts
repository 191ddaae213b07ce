export { ReviewActionsTable } from './ReviewActionsTable';
export { ReviewActionsSection } from './ReviewActionsSection';
export { AddActionDialog } from './AddActionDialog';
export { ActionStatusMenu } from './ActionStatusMenu';
export { byDueDate } from './byDueDate';
