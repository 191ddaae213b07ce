export * from './types';
export * from './duration';
export * from './schemas';
export { validateSla, validateSupportingAgreement } from './validate';
export type {
  AgreementDefinition,
  AgreementValidationOptions,
  CalendarLookup,
} from './validate';
export { worstCaseWallMs } from './wallTime';
export * from './inForce';
export * from './alignment';
export * from './availability';
export * from './attainment';
export * from './api';
export { localDayStart } from './localTime';
