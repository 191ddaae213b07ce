export {
  KnownErrorSuggestions,
  type KnownErrorSuggestionsProps,
} from './KnownErrorSuggestions';
export {
  MATCH_DEBOUNCE_MS,
  useKnownErrorMatches,
} from './useKnownErrorMatches';
