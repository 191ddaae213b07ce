export { CreateKnownErrorDialog } from './CreateKnownErrorDialog';
export { EditKnownErrorDialog } from './EditKnownErrorDialog';
export { KnownErrorFields } from './KnownErrorFields';
export {
  emptyKnownErrorValues,
  knownErrorValuesFromProblem,
  type KnownErrorFieldValues,
} from './knownErrorForm';
