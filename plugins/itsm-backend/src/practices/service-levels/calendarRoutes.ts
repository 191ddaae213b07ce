import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { calendarCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { withAudit } from '../../records/audit';
import { CalendarService } from './CalendarService';
import { credentialsOf, sendVersioned } from '../../records/http';
import { parseInput } from '../../records/parse';

/** Audit events of the calendars API (documented with the others in the README). */
export const calendarAuditEvents = {
  /** Reads of calendars: the list or one calendar. */
  calendarFetch: { eventId: 'calendar-fetch', severityLevel: 'low' },
  /** Writes to calendars and their holiday lists; `meta.actionType` says which. */
  calendarMutate: { eventId: 'calendar-mutate', severityLevel: 'medium' },
} as const;

/** HTTP routes of service-hours calendars: list, create, get, PATCH. */
export function createCalendarsRouter(options: {
  calendarService: CalendarService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { calendarService, httpAuth, auditor } = options;
  const router = Router();

  router.get('/calendars', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const items = await withAudit(
      auditor,
      {
        ...calendarAuditEvents.calendarFetch,
        request: req,
        meta: { queryType: 'all' },
      },
      () => calendarService.list(ctx),
    );
    res.json({ items, nextCursor: null });
  });

  router.post('/calendars', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(calendarCreateSchema, req.body, 'body');
    const calendar = await withAudit(
      auditor,
      {
        ...calendarAuditEvents.calendarMutate,
        request: req,
        meta: { actionType: 'create', calendarId: input.id },
      },
      () => calendarService.create(input, ctx),
    );
    sendVersioned(res, calendar, 201);
  });

  router.get('/calendars/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await withAudit(
        auditor,
        {
          ...calendarAuditEvents.calendarFetch,
          request: req,
          meta: { queryType: 'by-id', calendarId: id },
        },
        () => calendarService.get(id, ctx),
      ),
    );
  });

  router.patch('/calendars/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const calendar = await withAudit(
      auditor,
      {
        ...calendarAuditEvents.calendarMutate,
        request: req,
        meta: { actionType: 'update', calendarId: id },
      },
      () =>
        calendarService.patch(id, req.body, {
          ...ctx,
          ifMatch: req.header('if-match'),
        }),
    );
    sendVersioned(res, calendar);
  });

  return router;
}
