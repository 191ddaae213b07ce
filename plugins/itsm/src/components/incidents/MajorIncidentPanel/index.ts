export { MajorIncidentPanel, statusUpdatesOf } from './MajorIncidentPanel';
