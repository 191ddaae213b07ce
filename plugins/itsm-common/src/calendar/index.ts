export type { ServiceCalendar, Weekday } from './types';
export { WEEKDAYS, ALWAYS_ON, validateServiceCalendar } from './types';
export { businessMsBetween, addBusinessMs } from './businessTime';
