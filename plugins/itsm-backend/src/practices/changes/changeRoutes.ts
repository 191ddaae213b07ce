import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { changeCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { auditEvents, withAudit } from '../../records/audit';
import { ChangeService } from './ChangeService';
import {
  changeListQuerySchema,
  historyQuerySchema,
} from './changeSchemas';
import { credentialsOf, sendVersioned } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';

const MULTI_VALUE_FILTERS = [
  'entityRef',
  'status',
  'type',
  'risk',
  'requester',
] as const;

/** HTTP routes of changes: list, submit, read, edit, move, history. */
export function createChangesRouter(options: {
  changes: ChangeService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { changes, httpAuth, auditor } = options;
  const router = Router();

  const fetch = <T>(
    req: express.Request,
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) =>
    withAudit(auditor, { ...auditEvents.changeFetch, request: req, meta }, fn);

  const mutate = <T>(
    req: express.Request,
    actionType: string,
    fn: () => Promise<T>,
  ) =>
    withAudit(
      auditor,
      {
        ...auditEvents.changeMutate,
        request: req,
        meta: { actionType, changeId: req.params.id },
      },
      fn,
    );

  router.get('/changes', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const query = parseInput(
      changeListQuerySchema,
      withArrays(req.query, MULTI_VALUE_FILTERS),
      'query',
    );
    res.json(
      await fetch(req, { queryType: 'all' }, () => changes.list(query, ctx)),
    );
  });

  router.post('/changes', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const input = parseInput(changeCreateSchema, req.body, 'body');
    const change = await withAudit(
      auditor,
      {
        ...auditEvents.changeMutate,
        request: req,
        meta: { actionType: 'create', type: input.type },
        successMeta: created => ({ changeId: created.id }),
      },
      () => changes.create(input, ctx),
    );
    sendVersioned(res, change, 201);
  });

  router.get('/changes/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    sendVersioned(
      res,
      await fetch(req, { queryType: 'by-id', changeId: id }, () =>
        changes.get(id, ctx),
      ),
    );
  });

  router.patch('/changes/:id', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const change = await mutate(req, 'update', () =>
      changes.patch(req.params.id, req.body, {
        ...ctx,
        ifMatch: req.header('if-match'),
      }),
    );
    sendVersioned(res, change);
  });

  router.post('/changes/:id/transitions', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const change = await mutate(req, 'transition', () =>
      changes.transition(req.params.id, req.body, {
        ...ctx,
        ifMatch: req.header('if-match'),
      }),
    );
    sendVersioned(res, change);
  });

  router.get('/changes/:id/history', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const { id } = req.params;
    const query = parseInput(historyQuerySchema, req.query, 'query');
    res.json(
      await fetch(req, { queryType: 'history', changeId: id }, () =>
        changes.history(id, query, ctx),
      ),
    );
  });

  return router;
}
