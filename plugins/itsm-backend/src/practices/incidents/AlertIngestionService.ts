import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  HistoryEvent,
  Incident,
  IncidentStatus,
  Level,
  MAX_DESCRIPTION_LENGTH,
  OPEN_INCIDENT_STATUSES,
  incidentCreateSchema,
  incidentTransitionSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type { AlertCommand } from './alertSources';
import { PLUGIN_SUBJECT } from '../../records/context';
import { IncidentOperations, isChangedMeanwhile } from './IncidentOperations';

/** An alert from an outside monitoring or paging system. */
export interface ExternalAlert {
  source: 'alertmanager' | 'pagerduty';
  /** Deduplication key: one incident per source and external id, ever. */
  externalId: string;
  entityRef: string;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  /** The Alertmanager alert name or the PagerDuty service, for the incident's signature. */
  alertname?: string;
  pagerDutyService?: string;
  /** The category and subcategory the alert reports, mapped onto the taxonomy (unknown: `uncategorised`). */
  category?: string;
  subcategory?: string;
}

/** What happened to one alert; the webhook answers with a summary of these. */
export type AlertOutcome =
  | {
      outcome: 'created' | 'resolved' | 'reopened' | 'unchanged';
      externalId: string;
      id: string;
    }
  | { outcome: 'ignored' | 'rejected'; externalId: string; reason: string };

/** The response body of the webhooks. */
export interface AlertSummary {
  created: string[];
  resolved: string[];
  reopened: string[];
  unchanged: string[];
  ignored: Array<{ externalId: string; reason: string }>;
  rejected: Array<{ externalId: string; reason: string }>;
}

/** Collects outcomes into the webhook response body. */
export function summarize(outcomes: AlertOutcome[]): AlertSummary {
  const summary: AlertSummary = {
    created: [],
    resolved: [],
    reopened: [],
    unchanged: [],
    ignored: [],
    rejected: [],
  };
  for (const o of outcomes) {
    if ('id' in o) {
      summary[o.outcome].push(o.id);
    } else {
      summary[o.outcome].push({ externalId: o.externalId, reason: o.reason });
    }
  }
  return summary;
}

const pick = (c: { externalId: string; reason: string }) => ({
  externalId: c.externalId,
  reason: c.reason,
});

const isOpen = (status: IncidentStatus) =>
  OPEN_INCIDENT_STATUSES.includes(status);

// A resolve races with people working the incident: re-read and try again.
const RESOLVE_ATTEMPTS = 3;

/**
 * Turns alerts into incidents, idempotently: a replayed firing alert never
 * creates a second incident (the unique (source, external id) index settles
 * races), and a resolved alert resolves the open incident it raised. Writes
 * use the plugin's own credentials, so history names `plugin:itsm`.
 */
export class AlertIngestionService {
  readonly #incidents: IncidentOperations;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;

  static create(options: {
    incidents: IncidentOperations;
    auth: AuthService;
    logger: LoggerService;
  }): AlertIngestionService {
    return new AlertIngestionService(options);
  }

  private constructor(
    options: Parameters<typeof AlertIngestionService.create>[0],
  ) {
    this.#incidents = options.incidents;
    this.#auth = options.auth;
    this.#logger = options.logger;
  }

  /** Carries out one command from an alert source. */
  async handle(command: AlertCommand): Promise<AlertOutcome> {
    switch (command.type) {
      case 'fire':
        return this.fire(command.alert);
      case 'resolve':
        return this.resolve(command);
      case 'reopen':
        return this.reopen(command);
      case 'ignore':
        return { outcome: 'ignored', ...pick(command) };
      default:
        this.#logger.warn(
          `Rejected alert ${command.externalId}: ${command.reason}`,
        );
        return { outcome: 'rejected', ...pick(command) };
    }
  }

  /** Raises an incident for a firing alert unless one already exists for it. */
  async fire(alert: ExternalAlert): Promise<AlertOutcome> {
    const { source, externalId } = alert;
    const existing = await this.#incidents.findByExternalId(source, externalId);
    if (existing) {
      return { outcome: 'unchanged', externalId, id: existing.id };
    }
    const input = incidentCreateSchema.safeParse({
      title: alert.title.slice(0, 200),
      description: alert.description.slice(0, MAX_DESCRIPTION_LENGTH),
      entityRef: alert.entityRef,
      impact: alert.impact,
      urgency: alert.urgency,
      source,
      externalId,
    });
    if (!input.success) {
      const reason = input.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ');
      return this.#rejected(alert, reason);
    }
    try {
      const created = await this.#incidents.create(input.data, {
        credentials: await this.#auth.getOwnServiceCredentials(),
        alert: {
          alertname: alert.alertname,
          pagerDutyService: alert.pagerDutyService,
        },
        mapCategory: {
          category: alert.category,
          subcategory: alert.subcategory,
        },
      });
      return { outcome: 'created', externalId, id: created.id };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'ConflictError') {
        // Lost a race with a concurrent delivery of the same alert.
        const winner = await this.#incidents.findByExternalId(
          source,
          externalId,
        );
        if (winner) {
          return { outcome: 'unchanged', externalId, id: winner.id };
        }
      }
      if (name === 'InputError') {
        return this.#rejected(alert, (error as Error).message);
      }
      throw error;
    }
  }

  /** Resolves the open incident an alert raised; anything else is left as it is. */
  async resolve(options: {
    source: ExternalAlert['source'];
    externalId: string;
    formerExternalIds?: string[];
    resolutionNotes: string;
  }): Promise<AlertOutcome> {
    const { source, externalId } = options;
    let incident = await this.#incidents.findByExternalId(source, externalId);
    for (const former of options.formerExternalIds ?? []) {
      incident ??= await this.#incidents.findByExternalId(source, former);
    }
    if (!incident) {
      return {
        outcome: 'ignored',
        externalId,
        reason: 'no incident was raised for this alert',
      };
    }
    const ctx = { credentials: await this.#auth.getOwnServiceCredentials() };
    return this.#move(incident, externalId, ctx, async current => {
      if (
        !isOpen(current.status) ||
        (await this.#reopenedByPerson(current.id, ctx))
      ) {
        // A replayed resolution never undoes what a person decided since.
        return { outcome: 'unchanged', externalId, id: current.id };
      }
      return {
        outcome: 'resolved',
        body: {
          to: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: options.resolutionNotes,
        },
      };
    });
  }

  /** Reopens the resolved incident an outside record raised (the record was reopened there). */
  async reopen(options: {
    source: ExternalAlert['source'];
    externalId: string;
    comment: string;
  }): Promise<AlertOutcome> {
    const { source, externalId } = options;
    const incident = await this.#incidents.findByExternalId(source, externalId);
    if (!incident) {
      return {
        outcome: 'ignored',
        externalId,
        reason: 'no incident was raised for this alert',
      };
    }
    const ctx = { credentials: await this.#auth.getOwnServiceCredentials() };
    return this.#move(incident, externalId, ctx, async current => {
      if (isOpen(current.status)) {
        return { outcome: 'unchanged', externalId, id: current.id };
      }
      if (current.status !== 'resolved') {
        return {
          outcome: 'ignored',
          externalId,
          reason: `${current.id} is ${current.status} and cannot be reopened`,
        };
      }
      return {
        outcome: 'reopened',
        body: { to: 'in_progress', comment: options.comment },
      };
    });
  }

  /**
   * Applies the move `decide` plans for the incident as it is now, re-reading it and asking
   * again when someone else wrote it meanwhile (a few attempts).
   */
  async #move(
    incident: Incident,
    externalId: string,
    ctx: { credentials: BackstageCredentials },
    decide: (current: Incident) => Promise<
      | AlertOutcome
      | {
          outcome: 'resolved' | 'reopened';
          body: z.output<typeof incidentTransitionSchema>;
        }
    >,
  ): Promise<AlertOutcome> {
    let current = incident;
    for (let attempt = 1; ; attempt++) {
      const decision = await decide(current);
      if (!('body' in decision)) {
        return decision;
      }
      try {
        const moved = await this.#incidents.transition(
          current.id,
          decision.body,
          { ...ctx, expectedVersion: current.version },
        );
        return {
          outcome: decision.outcome,
          externalId,
          id: moved.id,
        };
      } catch (error) {
        if (!isChangedMeanwhile(error) || attempt >= RESOLVE_ATTEMPTS) {
          throw error;
        }
        current = await this.#incidents.get(current.id, ctx);
      }
    }
  }

  /** Whether the incident's latest status change is a reopen by a person. */
  async #reopenedByPerson(
    id: string,
    ctx: { credentials: BackstageCredentials },
  ): Promise<boolean> {
    let last: HistoryEvent | undefined;
    let cursor: string | undefined;
    do {
      const page = await this.#incidents.history(
        id,
        { limit: 200, cursor },
        ctx,
      );
      for (const event of page.items) {
        if (event.changes.status) {
          last = event;
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const status = last?.changes.status as [unknown, unknown] | undefined;
    return (
      status?.[0] === 'resolved' &&
      isOpen(status[1] as IncidentStatus) &&
      last!.actor !== PLUGIN_SUBJECT
    );
  }

  #rejected(alert: ExternalAlert, reason: string): AlertOutcome {
    this.#logger.warn(
      `Rejected ${alert.source} alert ${alert.externalId}: ${reason}`,
    );
    return { outcome: 'rejected', externalId: alert.externalId, reason };
  }
}
