export { SurveyAnswerPage } from './SurveyAnswerPage';
export { SatisfactionSection } from './SatisfactionSection';
export { SatisfactionSummary } from './SatisfactionSummary';
export { SatisfactionScores } from './SatisfactionScores';
export { SurveyForm } from './SurveyForm';
