export { SatisfactionScores } from './SatisfactionScores';
