export {
  LEVELS,
  emptyToNull,
  formErrorMap,
  impactOptions,
  toLevel,
  urgencyOptions,
} from './forms';
export { LevelSelect } from './LevelSelect';
export { ExpectedPriority } from './ExpectedPriority';
