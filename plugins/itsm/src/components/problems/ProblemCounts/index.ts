export { ProblemCounts } from './ProblemCounts';
