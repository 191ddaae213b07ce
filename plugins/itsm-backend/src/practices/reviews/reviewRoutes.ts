import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import {
  reviewActionListQuerySchema,
  reviewCreateSchema,
  reviewListQuerySchema,
  slaManagePermission,
} from '@backstage-itsm/plugin-itsm-common';
import express from 'express';
import Router from 'express-promise-router';
import { requireBasic } from '../../records/access';
import { withAudit } from '../../records/audit';
import { credentialsOf, sendVersioned } from '../../records/http';
import { parseInput, withArrays } from '../../records/parse';
import { createRecordRoutes } from '../../records/routes';
import type { ReviewActionService } from './ReviewActionService';
import type { ReviewSchedulerJob } from './ReviewSchedulerJob';
import type { ReviewService } from './ReviewService';
import { reviewAuditEvents as events } from './reviewAudit';

/**
 * HTTP routes of service reviews: the kernel's record routes for reviews, the pack (read and
 * freeze), the customer's sign-off, actions, the actions across reviews, and a scheduling
 * run on demand.
 */
export function createReviewsRouter(options: {
  reviews: ReviewService;
  actions: ReviewActionService;
  scheduler: ReviewSchedulerJob;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}): express.Router {
  const { reviews, actions, scheduler, httpAuth, auditor } = options;
  const outer = Router();
  const audited = <T>(
    req: express.Request,
    event: (typeof events)[keyof typeof events],
    meta: Record<string, string>,
    fn: () => Promise<T>,
  ) => withAudit(auditor, { ...event, request: req, meta }, fn);

  outer.get('/review-actions', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await audited(req, events.reviewFetch, { queryType: 'actions' }, () =>
        actions.list(
          parseInput(
            reviewActionListQuerySchema,
            withArrays(req.query, ['owner', 'status', 'entityRef']),
            'query',
          ),
          ctx,
        ),
      ),
    );
  });

  outer.post('/review-scheduling/runs', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await audited(
        req,
        events.reviewMutate,
        { actionType: 'schedule' },
        async () => {
          await requireBasic(
            reviews.access.permissions,
            slaManagePermission,
            ctx.credentials,
          );
          return scheduler.run();
        },
      ),
    );
  });

  const { router, fetch, mutate, writeContext } = createRecordRoutes({
    path: '/reviews',
    idMeta: 'reviewId',
    events: { fetch: events.reviewFetch, mutate: events.reviewMutate },
    service: reviews,
    listQuerySchema: reviewListQuerySchema,
    arrayParams: ['entityRef', 'status'],
    createSchema: reviewCreateSchema,
    createMeta: input => ({ entityRef: input.entityRef }),
    httpAuth,
    auditor,
  });

  router.get('/reviews/:id/pack', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(
      await fetch(req, { queryType: 'pack', reviewId: req.params.id }, () =>
        reviews.pack(req.params.id, req.query, ctx),
      ),
    );
  });

  router.post('/reviews/:id/pack', async (req, res) => {
    const ctx = await writeContext(req);
    sendVersioned(
      res,
      await mutate(req, 'freeze-pack', () =>
        reviews.freezePack(req.params.id, req.body, ctx),
      ),
    );
  });

  router.post('/reviews/:id/sign-off', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    sendVersioned(
      res,
      await mutate(req, 'sign-off', () =>
        reviews.signOff(req.params.id, req.body, ctx),
      ),
    );
  });

  router.get('/reviews/:id/actions', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    res.json(
      await fetch(
        req,
        { queryType: 'review-actions', reviewId: req.params.id },
        () => actions.ofReview(req.params.id, ctx),
      ),
    );
  });

  router.post('/reviews/:id/actions', async (req, res) => {
    const ctx = await credentialsOf(httpAuth, req);
    const action = await mutate(req, 'add-action', () =>
      actions.create(req.params.id, req.body, ctx),
    );
    sendVersioned(res, action, 201);
  });

  router.patch('/reviews/:id/actions/:actionId', async (req, res) => {
    const ctx = await writeContext(req);
    sendVersioned(
      res,
      await mutate(req, 'update-action', () =>
        actions.patch(req.params.id, req.params.actionId, req.body, ctx),
      ),
    );
  });

  outer.use(router);
  return outer;
}
