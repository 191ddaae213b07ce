import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  CalendarRecord,
  calendarCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import { createRecordRoutes } from '../../records/routes';
import { CalendarCreateInput, CalendarService } from './CalendarService';

/** Audit events of the calendars API (documented with the others in the README). */
export const calendarAuditEvents = {
  /** Reads of calendars: the list, one calendar or its history. */
  calendarFetch: { eventId: 'calendar-fetch', severityLevel: 'low' },
  /** Writes to calendars and their holiday lists; `meta.actionType` says which. */
  calendarMutate: { eventId: 'calendar-mutate', severityLevel: 'medium' },
} as const;

/** HTTP routes of service-hours calendars: list, create, get, PATCH, history. */
export function createCalendarsRouter(options: {
  calendarService: CalendarService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { calendarService } = options;
  return createRecordRoutes<CalendarCreateInput, CalendarRecord>({
    path: '/calendars',
    idMeta: 'calendarId',
    events: {
      fetch: calendarAuditEvents.calendarFetch,
      mutate: calendarAuditEvents.calendarMutate,
    },
    service: {
      // Every calendar in one page: built in, configured and API-managed.
      list: async (_query, ctx) => ({
        items: await calendarService.list(ctx),
        nextCursor: null,
      }),
      create: (input, ctx) => calendarService.create(input, ctx),
      get: (id, ctx) => calendarService.get(id, ctx),
      patch: (id, body, ctx) => calendarService.patch(id, body as any, ctx),
      history: (id, query, ctx) => calendarService.history(id, query, ctx),
    },
    createSchema: calendarCreateSchema,
    createMeta: input => ({ calendarId: input.id }),
    httpAuth: options.httpAuth,
    auditor: options.auditor,
  }).router;
}
