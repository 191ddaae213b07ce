import { AuditorService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  InputError,
  NotFoundError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { withAudit } from '../../records/audit';
import { incidentAuditEvents as auditEvents } from './incidentAudit';
import { WebhooksConfig } from '../../config';
import {
  AlertIngestionService,
  AlertOutcome,
  AlertSummary,
  summarize,
} from './AlertIngestionService';
import { AlertCommand, fromAlertmanager, fromPagerDuty } from './alertSources';
import { parseInput } from '../../records/parse';
import { BODY_LIMIT } from '../../records/http';

const labelsSchema = z.record(z.string(), z.string());

/** Alertmanager webhook payload, version 4; fields not listed are ignored. */
const alertmanagerSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: labelsSchema,
        annotations: labelsSchema.default({}),
        startsAt: z.string(),
        endsAt: z.string().optional(),
        generatorURL: z.string().optional(),
        fingerprint: z.string().min(1).max(255),
      }),
    )
    .min(1)
    .max(1000),
});

const pagerDutySchema = z.object({
  event: z.object({
    event_type: z.string().min(1),
    occurred_at: z.string().optional(),
    data: z.record(z.string(), z.unknown()),
  }),
});

/** The data of `incident.*` events. */
const pagerDutyIncidentSchema = z.object({
  id: z.string().min(1).max(255),
  number: z.number().optional(),
  title: z.string().optional(),
  html_url: z.string().optional(),
  urgency: z.string().optional(),
  service: z
    .object({ id: z.string().optional(), summary: z.string().optional() })
    .optional(),
  priority: z.object({ summary: z.string().optional() }).nullish(),
});

/** Compares secrets in constant time, whatever their lengths. */
function secretsMatch(given: string | Buffer, expected: string | Buffer) {
  const digest = (v: string | Buffer) =>
    createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function hasBearerToken(req: express.Request, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return !!match && secretsMatch(match[1], token);
}

/** `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>...]`, one per active signing secret. */
function hasPagerDutySignature(
  req: express.Request,
  rawBody: Buffer,
  secret: string,
): boolean {
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const header = req.headers['x-pagerduty-signature'];
  const signatures = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(s => /^v1=[0-9a-f]{64}$/i.test(s))
    .map(s => Buffer.from(s.slice(3), 'hex'));
  // Check them all, so the time taken does not say which one matched.
  return signatures.reduce(
    (found, signature) => timingSafeEqual(signature, expected) || found,
    false,
  );
}

/** Runs a body parser inside the handler, after any check that can come first; its failures are 400s. */
function parseBody(
  parser: express.RequestHandler,
  req: express.Request,
  res: express.Response,
): Promise<void> {
  return new Promise((resolve, reject) =>
    parser(req, res, error =>
      error
        ? reject(new InputError(`Invalid body: ${(error as Error).message}`))
        : resolve(),
    ),
  );
}

/**
 * Alert webhooks. They sit outside the validated API router and the
 * Backstage auth policy (`/webhooks` allows unauthenticated requests) and
 * check their own secret: Alertmanager's bearer token before the body is
 * read, PagerDuty's signature over the raw body before it is parsed. A
 * webhook without its secret in config answers 404.
 */
export function createWebhooksRouter(options: {
  ingestion: AlertIngestionService;
  config: WebhooksConfig;
  auditor: AuditorService;
}): express.Router {
  const { ingestion, config, auditor } = options;
  const router = Router();
  const json = express.json({ limit: BODY_LIMIT });
  const raw = express.raw({ type: '*/*', limit: BODY_LIMIT });

  /** Carries out the commands in order; a single command that is rejected is a 400. */
  const apply = async (commands: AlertCommand[]): Promise<AlertSummary> => {
    const outcomes: AlertOutcome[] = [];
    for (const command of commands) {
      outcomes.push(await ingestion.handle(command));
    }
    const [only] = outcomes;
    if (outcomes.length === 1 && only.outcome === 'rejected') {
      throw new InputError(`Alert ${only.externalId} rejected: ${only.reason}`);
    }
    return summarize(outcomes);
  };

  const audited = (
    req: express.Request,
    source: string,
    fn: () => Promise<AlertSummary>,
  ) =>
    withAudit(
      auditor,
      {
        ...auditEvents.incidentWebhook,
        // Not `request`: the auditor would read its Authorization header as
        // Backstage credentials, and the Alertmanager token is not one.
        meta: { source, ip: req.ip ?? null },
        successMeta: s => ({ created: s.created, resolved: s.resolved }),
      },
      fn,
    );

  router.post('/webhooks/alertmanager', async (req, res) => {
    const settings = config.alertmanager;
    if (!settings) {
      throw new NotFoundError('The Alertmanager webhook is not configured');
    }
    const summary = await audited(req, 'alertmanager', async () => {
      if (!hasBearerToken(req, settings.token)) {
        throw new AuthenticationError('Missing or invalid bearer token');
      }
      await parseBody(json, req, res);
      const payload = parseInput(alertmanagerSchema, req.body, 'body');
      return apply(payload.alerts.map(fromAlertmanager));
    });
    res.json(summary);
  });

  router.post('/webhooks/pagerduty', async (req, res) => {
    const settings = config.pagerduty;
    if (!settings) {
      throw new NotFoundError('The PagerDuty webhook is not configured');
    }
    const summary = await audited(req, 'pagerduty', async () => {
      // The signature covers the exact bytes sent, so the body is read raw.
      await parseBody(raw, req, res);
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!hasPagerDutySignature(req, rawBody, settings.secret)) {
        throw new AuthenticationError(
          'Missing or invalid X-PagerDuty-Signature',
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new InputError('Invalid body: not JSON');
      }
      const { event } = parseInput(pagerDutySchema, body, 'body');
      if (!event.event_type.startsWith('incident.')) {
        return summarize([
          {
            outcome: 'ignored',
            externalId: String(event.data.id ?? ''),
            reason: `event type '${event.event_type}' is not handled`,
          },
        ]);
      }
      const data = parseInput(
        pagerDutyIncidentSchema,
        event.data,
        'event.data',
      );
      return apply([
        fromPagerDuty({ ...event, data }, settings.serviceMapping),
      ]);
    });
    res.json(summary);
  });

  return router;
}
