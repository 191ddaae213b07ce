// The route refs live in `src/routes.ts` with the plugin's others (one module, no import cycle).
export { complaintRouteRef, complaintsRouteRef } from '../../routes';
