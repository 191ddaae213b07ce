export type { ServiceCalendar, Weekday } from './types';
export {
  WEEKDAYS,
  ALWAYS_ON,
  MAX_HOLIDAYS_PER_YEAR,
  validateServiceCalendar,
} from './types';
export { businessMsBetween, addBusinessMs } from './businessTime';
