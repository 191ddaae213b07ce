export { ServiceManagementContent } from './ServiceManagementContent';
