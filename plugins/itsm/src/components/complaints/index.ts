// Complaints against a service (DESIGN §3): the pages and the section a service page or a
// service review shows.
export { ComplaintsSection } from './ComplaintsSection';
export { ComplaintPage } from './ComplaintPage';
export { ComplaintsListPage, ComplaintsPage } from './ComplaintsPage';
export { ComplaintLink } from './ComplaintLink';
export { ComplaintStatusChip, EscalatedChip } from './ComplaintBadges';
export { ComplaintsTable } from './ComplaintsTable';
export { RaiseComplaintDialog } from './RaiseComplaintDialog';
export { complaintKind, complaintHistoryLabels } from './record/complaintKind';
export { complaintRouteRef, complaintsRouteRef } from './routes';
