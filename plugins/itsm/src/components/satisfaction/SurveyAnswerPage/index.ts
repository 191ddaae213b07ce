export { SurveyAnswerPage } from './SurveyAnswerPage';
