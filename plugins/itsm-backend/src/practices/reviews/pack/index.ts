export {
  REVIEW_PACK_CAPS,
  REVIEW_PACK_GENERATOR_VERSION,
  ReviewPackGenerator,
  hashReviewPack,
} from './ReviewPackGenerator';
export type {
  ReviewPackAlignmentSource,
  ReviewPackComplaintSource,
  ReviewPackGeneratorOptions,
  ReviewPackRequest,
  ReviewPackSatisfactionSource,
  ReviewPackSlaReports,
  ReviewPackSourceQuery,
} from './ReviewPackGenerator';
export { KnexReviewPackStore } from './KnexReviewPackStore';
export type { ReviewPackStore } from './ReviewPackStore';
