export {
  KnownErrorOfferField,
  KnownErrorSuggestions,
  type KnownErrorSuggestionsProps,
} from './KnownErrorSuggestions';
export {
  MATCH_DEBOUNCE_MS,
  useKnownErrorMatches,
} from './useKnownErrorMatches';
export { useKnownErrorOffer, type KnownErrorOffer } from './useKnownErrorOffer';
