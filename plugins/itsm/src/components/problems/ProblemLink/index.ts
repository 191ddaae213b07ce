export { KnownErrorLink, ProblemLink } from './ProblemLink';
