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
export { PriorityFields, type PriorityValues } from './PriorityFields';
export { isoToLocalInput, localInputToIso } from './dates';
export { DateTimeField } from './DateTimeField';
export {
  IncidentCoreFields,
  type IncidentCoreValues,
} from './IncidentCoreFields';
export { CodeSelect } from './CodeSelect';
export { CodeField, TextAreaField } from './ControlledFields';
