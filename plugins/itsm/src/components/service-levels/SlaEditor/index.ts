export { AgreementEditorDialog } from './AgreementEditorDialog';
export { summarizeHours } from './calendars';
