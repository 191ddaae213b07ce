// The route refs live in `src/routes.ts` with the plugin's others (one module, no import cycle).
export {
  entityImprovementsRouteRef,
  improvementRouteRef,
  improvementsRouteRef,
  newImprovementRouteRef,
} from '../../routes';
