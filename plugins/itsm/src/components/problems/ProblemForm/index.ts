export { ProblemFields, type ProblemFieldValues } from './ProblemFields';
export {
  changedProblemFields,
  problemFieldValues,
  problemFieldsRequest,
  requestResolver,
} from './problemForm';
