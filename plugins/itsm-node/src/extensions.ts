import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ServiceCalendar } from '@backstage-itsm/plugin-itsm-common';

/**
 * Lets backend modules contribute service calendars, e.g. holiday lists
 * loaded from an HR system. They are merged with `itsm.calendars` from config;
 * an id defined twice, or an invalid calendar, stops the backend at startup.
 *
 * @public
 */
export interface ItsmCalendarsExtensionPoint {
  /** Adds calendars, referenced by their `id` from `itsm/service-hours` and SLA targets. */
  addCalendars(...calendars: ServiceCalendar[]): void;
}

/**
 * Extension point for {@link ItsmCalendarsExtensionPoint}.
 *
 * @public
 */
export const itsmCalendarsExtensionPoint =
  createExtensionPoint<ItsmCalendarsExtensionPoint>({ id: 'itsm.calendars' });
