// The route refs live in `src/routes.ts` with the plugin's others (one module, no import cycle).
export {
  entityServiceReviewRouteRef,
  reviewPackRouteRef,
  reviewRouteRef,
  reviewsRouteRef,
} from '../../routes';
