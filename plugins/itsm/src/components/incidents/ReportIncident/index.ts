export { ReportIncidentButton } from './ReportIncidentButton';
export { ReportIncidentDialog } from './ReportIncidentDialog';
export type { ReportIncidentDialogProps } from './ReportIncidentDialog';
