export { ReviewPackView, DriftNote, driftValueText } from './ReviewPackView';
export {
  ReviewPackPrintPage,
  REVIEW_PACK_PRINT_CSS,
} from './ReviewPackPrintPage';
