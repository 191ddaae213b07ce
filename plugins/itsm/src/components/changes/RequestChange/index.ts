export { RequestChangeButton } from './RequestChangeButton';
export { RequestChangeDialog } from './RequestChangeDialog';
export { RequestChangeForm } from './RequestChangeForm';
export { RequestChangePage } from './RequestChangePage';
export { ChangeFields, CONFIGURATION_ITEM_KINDS } from './ChangeFields';
export type { ChangeFieldValues } from './ChangeFields';
