import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  INCIDENT_SURVEY_TEMPLATE_ID,
  MIN_SATISFACTION_RESPONSES,
  SURVEYS_SIGNAL_CHANNEL,
  SatisfactionComment,
  SatisfactionFigures,
  SatisfactionHealth,
  SatisfactionOverview,
  SatisfactionTrendPoint,
  SurveyInvitation,
  SurveyQuestion,
  SurveyResponse,
  builtInSurveyTemplate,
  isInvitationSampled,
  periodsOf,
  responseRate,
  satisfactionSignalChannel,
  satisfactionQuerySchema,
  satisfactionSummaryQuerySchema,
  scoresFromCounts,
  slaReadPermission,
  surveyInvitationQuerySchema,
  surveyResponseSchema,
  validateSurveyAnswers,
} from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef } from '../../catalog/entities';
import { requireBasic } from '../../records/access';
import { RequestContext } from '../../records/context';
import type { RecordNotifier } from '../../records/notifier';
import { parseInput } from '../../records/validation';
import { incidentRecordType } from '../incidents/incidentRecordType';
import type { ResolvedIncident } from '../incidents/IncidentService';
import type { InvitationDelivery } from './InvitationDelivery';
import type { KnexSatisfactionStore } from './KnexSatisfactionStore';
import type {
  InvitationRecord,
  NewResponse,
  PeriodCounts,
} from './SatisfactionStore';
import { SurveyService, answerPageLink, inviteeHash } from './SurveyService';
import { surveyRecordType } from './surveyRecordTypes';
import { toComment, toSource } from './surveyViews';

const DAY_MS = 24 * 60 * 60_000;
/** The period of the figures on the service health card. */
export const HEALTH_DAYS = 90;
/** How far back the sweep looks for resolutions whose invitation decision was lost. */
const SWEEP_WINDOW_MS = 2 * 60 * 60_000;
/** A resolution younger than this is still its request's to invite for. */
const SWEEP_GRACE_MS = 2 * 60_000;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** How the transactional survey after an incident's resolution is run. */
export interface TransactionalSurveyConfig {
  /** Share of resolutions (0–1) whose reporter is invited to rate it. */
  sampleRate: number;
  /** Days an invitation to rate a resolution stays open. */
  invitationExpiryDays: number;
}

/** Months of the trend: the last six UTC calendar months, the one holding `to` clipped at it. */
export const TREND_MONTHS = 6;

function monthsUpTo(to: Date) {
  const last = new Date(to.getTime() - 1);
  const from = new Date(
    Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (TREND_MONTHS - 1)),
  );
  return periodsOf(from, to, 'month', 'UTC');
}

/** What rating an incident needs to know of it. */
export interface RatedIncident {
  title: string;
  entityRef: string;
  reporter: string;
  status: string;
}

/** The statuses of an incident whose latest resolution stands and can be rated. */
const RATEABLE_INCIDENT_STATUSES: readonly string[] = ['resolved', 'closed'];

const instant = (value: Date | string) =>
  value instanceof Date ? value : new Date(value);

function figuresOf(counts: PeriodCounts): SatisfactionFigures {
  return {
    ...scoresFromCounts(counts),
    invited: counts.invited,
    responses: counts.responses,
    responseRatePercent: responseRate(counts.invited, counts.responses),
  };
}

function signedInUser(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user' || !principal.userEntityRef) {
    throw new NotAllowedError('Only invited people answer surveys');
  }
  return lower(principal.userEntityRef);
}

/**
 * Customer satisfaction (DESIGN §3): the figures of a service computed in SQL (CSAT %, mean,
 * NPS, response rate, always with n and a too-few flag) for the SLA report, the health card and
 * the review pack; the responses, written once by invited people; and the transactional survey
 * after an incident's resolution, by a deterministic sample.
 *
 * `figures`, `trend` and `comments` are the service contract other practices call (as the
 * plugin, no permission check); the routes guard them with `itsm.sla.read`, the permission of
 * the SLA report that shows the same figures.
 */
export class SatisfactionService {
  readonly #store: KnexSatisfactionStore;
  readonly #permissions: PermissionsService;
  readonly #surveys: SurveyService;
  readonly #incidentReadable: (
    id: string,
    ctx: RequestContext,
  ) => Promise<RatedIncident>;
  readonly #delivery: InvitationDelivery;
  readonly #notifier: RecordNotifier;
  readonly #config: TransactionalSurveyConfig;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexSatisfactionStore;
    permissions: PermissionsService;
    surveys: SurveyService;
    /** Reads an incident as the caller may (404 when unknown or unreadable). */
    incidentReadable: (
      id: string,
      ctx: RequestContext,
    ) => Promise<RatedIncident>;
    delivery: InvitationDelivery;
    notifier: RecordNotifier;
    config: TransactionalSurveyConfig;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#permissions = options.permissions;
    this.#surveys = options.surveys;
    this.#incidentReadable = options.incidentReadable;
    this.#delivery = options.delivery;
    this.#notifier = options.notifier;
    this.#config = options.config;
    this.#now = options.now ?? (() => new Date());
  }

  // The contract -------------------------------------------------------------------------

  /** The figures of a service over `[from, to)`. */
  async figures(options: {
    entityRef: string;
    from: Date | string;
    to: Date | string;
  }): Promise<SatisfactionFigures> {
    return figuresOf(
      await this.#store.counts({
        entityRef: canonicalEntityRef(options.entityRef),
        from: instant(options.from),
        to: instant(options.to),
      }),
    );
  }

  /** The figures of each period, in the order given. */
  async trend(options: {
    entityRef: string;
    periods: Array<{ label: string; from: Date | string; to: Date | string }>;
  }): Promise<SatisfactionTrendPoint[]> {
    const periods = options.periods.map(p => ({
      label: p.label,
      from: instant(p.from),
      to: instant(p.to),
    }));
    const counts = await this.#store.countsByPeriod({
      entityRef: canonicalEntityRef(options.entityRef),
      periods,
    });
    return periods.map((p, i) => ({
      label: p.label,
      from: p.from.toISOString(),
      to: p.to.toISOString(),
      ...figuresOf(counts[i]),
    }));
  }

  /** The latest comments on a service in `[from, to)`, newest first. */
  async comments(options: {
    entityRef: string;
    from: Date | string;
    to: Date | string;
    limit: number;
  }): Promise<SatisfactionComment[]> {
    const rows = await this.#store.comments({
      entityRef: canonicalEntityRef(options.entityRef),
      from: instant(options.from),
      to: instant(options.to),
      limit: options.limit,
    });
    return rows.map(toComment);
  }

  // The API ------------------------------------------------------------------------------

  /** `GET /satisfaction`: figures, the monthly trend and the latest comments of a service. */
  async overview(
    query: unknown,
    ctx: RequestContext,
  ): Promise<SatisfactionOverview> {
    const input = parseInput(satisfactionQuerySchema, query, 'query');
    // Until now, this instant included.
    const to = input.to
      ? new Date(input.to)
      : new Date(this.#now().getTime() + 1);
    const from = input.from
      ? new Date(input.from)
      : new Date(to.getTime() - HEALTH_DAYS * DAY_MS);
    if (to <= from) {
      throw new InputError('to must be after from');
    }
    await this.#requireRead(ctx);
    const entityRef = canonicalEntityRef(input.entityRef);
    const [figures, trend, comments] = await Promise.all([
      this.figures({ entityRef, from, to }),
      this.trend({ entityRef, periods: monthsUpTo(to) }),
      this.comments({ entityRef, from, to, limit: input.comments }),
    ]);
    return {
      entityRef,
      from: from.toISOString(),
      to: to.toISOString(),
      minResponses: MIN_SATISFACTION_RESPONSES,
      figures,
      trend,
      comments,
    };
  }

  /** `GET /satisfaction/summary`: the last 90 days, for the service health card. */
  async summary(
    query: unknown,
    ctx: RequestContext,
  ): Promise<SatisfactionHealth> {
    const input = parseInput(satisfactionSummaryQuerySchema, query, 'query');
    await this.#requireRead(ctx);
    const to = new Date(this.#now().getTime() + 1);
    const from = new Date(to.getTime() - HEALTH_DAYS * DAY_MS);
    const entityRef = canonicalEntityRef(input.entityRef);
    return {
      entityRef,
      from: from.toISOString(),
      to: to.toISOString(),
      figures: await this.figures({ entityRef, from, to }),
    };
  }

  /** `GET /survey-invitations`: the caller's own invitations, newest first. */
  async invitations(
    query: unknown,
    ctx: RequestContext,
  ): Promise<{ items: SurveyInvitation[] }> {
    const input = parseInput(surveyInvitationQuerySchema, query, 'query');
    const invitee = signedInUser(ctx.credentials);
    const now = this.#now();
    const rows = await this.#store.invitationsOf({
      invitee,
      surveySeq: input.surveyId
        ? surveyRecordType.parse(input.surveyId)
        : undefined,
      incidentSeq: input.incidentId
        ? incidentRecordType.parse(input.incidentId)
        : undefined,
      pendingAt: input.state === 'pending' ? now : undefined,
      limit: input.limit,
    });
    const incidentQuestions = builtInSurveyTemplate(
      INCIDENT_SURVEY_TEMPLATE_ID,
    )!.questions;
    return {
      items: rows.map(row => {
        let state: SurveyInvitation['state'] = 'pending';
        if (row.answered) {
          state = 'answered';
        } else if (
          row.expiresAt <= now ||
          (row.surveyStatus !== null && row.surveyStatus !== 'open')
        ) {
          state = 'expired';
        }
        return {
          source: toSource(row.source),
          title: row.title,
          description: row.description,
          entityRef: row.entityRef,
          questions:
            (row.questions as SurveyQuestion[] | null) ?? incidentQuestions,
          anonymous: row.anonymous,
          invitedAt: row.invitedAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          state,
        };
      }),
    };
  }

  /**
   * `POST /surveys/{id}/responses`: the caller's answer to a campaign. 404 unknown campaign,
   * 403 not invited, 409 answered already or no longer open, 400 answers that do not fit the
   * questions (naming the field). An anonymous campaign stores no respondent.
   */
  async respondToSurvey(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<SurveyResponse> {
    const input = parseInput(surveyResponseSchema, body, 'body');
    const survey = await this.#surveys.record(id);
    const surveyId = surveyRecordType.id(survey.seq);
    const invitee = signedInUser(ctx.credentials);
    const invitation = await this.#store.campaignInvitation(
      survey.seq,
      inviteeHash(surveyId, invitee),
    );
    if (!invitation) {
      throw new NotAllowedError(`You are not invited to answer ${surveyId}`);
    }
    const now = this.#now();
    if (invitation.answered) {
      throw new ConflictError(`You have answered ${surveyId} already`);
    }
    if (survey.status !== 'open' || invitation.expiresAt <= now) {
      throw new ConflictError(
        `${surveyId} is closed and takes no more answers`,
      );
    }
    const checked = validateSurveyAnswers(survey.questions, input);
    return this.#record(invitation, {
      source: invitation.source,
      entityRef: survey.entityRef,
      respondent: survey.anonymous ? null : invitee,
      ...checked,
      submittedAt: now,
    });
  }

  /**
   * `POST /incidents/{id}/satisfaction`: the reporter's rating of an incident's latest
   * resolution they were invited to rate. 404 unknown or unreadable incident, 403 not invited,
   * 409 answered already or expired, 400 answers that do not fit.
   */
  async respondToIncident(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<SurveyResponse> {
    const input = parseInput(surveyResponseSchema, body, 'body');
    const incident = await this.#incidentReadable(id, ctx);
    const seq = incidentRecordType.parse(id)!;
    const incidentId = incidentRecordType.id(seq);
    const invitee = signedInUser(ctx.credentials);
    const invitation = await this.#store.incidentInvitation(seq, invitee);
    if (!invitation) {
      throw new NotAllowedError(`You are not invited to rate ${incidentId}`);
    }
    const now = this.#now();
    if (invitation.answered) {
      throw new ConflictError(`You have rated ${incidentId} already`);
    }
    if (invitation.expiresAt <= now) {
      throw new ConflictError(
        `The invitation to rate ${incidentId} expired at ${invitation.expiresAt.toISOString()}`,
      );
    }
    // A reopened incident's resolution was undone: there is nothing to rate until it is
    // resolved again (which may invite again, for the next cycle).
    if (!RATEABLE_INCIDENT_STATUSES.includes(incident.status)) {
      throw new ConflictError(
        `${incidentId} is ${incident.status} again: its resolution can be rated once it is resolved`,
      );
    }
    const questions = builtInSurveyTemplate(
      INCIDENT_SURVEY_TEMPLATE_ID,
    )!.questions;
    const checked = validateSurveyAnswers(questions, input);
    return this.#record(invitation, {
      source: invitation.source,
      entityRef: invitation.entityRef,
      respondent: invitee,
      ...checked,
      submittedAt: now,
    });
  }

  // Transactional CSAT -------------------------------------------------------------------

  /**
   * After an incident's resolution committed: its reporter is invited to rate it when the
   * deterministic sample picks the incident and resolution cycle, once (the invitation's unique
   * key is the incident and cycle). Not a person's incident (alerts), or one its reporter
   * resolved: nobody to ask.
   */
  async incidentResolved(incident: ResolvedIncident): Promise<void> {
    const reporter = lower(incident.reporter);
    if (!reporter.startsWith('user:') || reporter === lower(incident.actor)) {
      return;
    }
    const cycle = await this.#store.resolutionCycle(
      incident.seq,
      incident.version,
    );
    if (
      cycle < 1 ||
      !isInvitationSampled(incident.id, cycle, this.#config.sampleRate)
    ) {
      return;
    }
    await this.#inviteReporter(incident, reporter, cycle);
  }

  /**
   * Imports: the reporter's rating of an incident's latest resolution, with the invitation it
   * answers recorded first whatever the sample says (a quiet copy sends nothing).
   */
  async importIncidentRating(
    id: string,
    body: unknown,
    ctx: RequestContext,
  ): Promise<SurveyResponse> {
    const incident = await this.#incidentReadable(id, ctx);
    const seq = incidentRecordType.parse(id)!;
    const last = await this.#store.lastResolution(seq);
    if (!last || !RATEABLE_INCIDENT_STATUSES.includes(incident.status)) {
      throw new ConflictError(
        `${id} is not resolved; there is nothing to rate`,
      );
    }
    await this.#inviteReporter(
      { seq, id: incidentRecordType.id(seq), ...incident },
      lower(incident.reporter),
      await this.#store.resolutionCycle(seq, last.version),
    );
    return this.respondToIncident(id, body, ctx);
  }

  /** Records (once per incident and cycle) and sends the reporter's invitation. */
  async #inviteReporter(
    incident: { seq: number; id: string; title: string; entityRef: string },
    reporter: string,
    cycle: number,
  ): Promise<void> {
    const now = this.#now();
    const expiresAt = new Date(
      now.getTime() + this.#config.invitationExpiryDays * DAY_MS,
    );
    const source = { type: 'incident' as const, id: incident.id };
    const invitation = await this.#store.recordInvitation(
      {
        source: { type: 'incident', incidentSeq: incident.seq, cycle },
        entityRef: canonicalEntityRef(incident.entityRef),
        invitee: reporter,
        inviteeHash: inviteeHash(`${incident.id}#${cycle}`, reporter),
        invitedAt: now,
        expiresAt,
        // The scope of the resolution notice: the reporter keeps one notification, which now
        // asks them to rate the resolution.
        scope: `itsm:incident:${incident.id}:resolved`,
        payload: {
          title: `${incident.id} resolved: how did we do?`,
          description: `Rate how "${
            incident.title
          }" was resolved, until ${expiresAt.toISOString().slice(0, 10)}.`,
          link: answerPageLink(source),
          severity: 'normal',
          topic: 'itsm:survey:invitation',
          scope: `itsm:incident:${incident.id}:resolved`,
        },
      },
      now,
    );
    if (invitation) {
      await this.#delivery.send([invitation], now);
    }
  }

  /**
   * Invites for the recent resolutions whose decision was lost (the backend stopped between the
   * resolution and its invitation): each is decided again, and recorded at most once. Returns
   * how many resolutions were looked at.
   */
  async sweepResolutions(): Promise<number> {
    const now = this.#now();
    const candidates = await this.#store.uninvitedResolutions({
      since: new Date(now.getTime() - SWEEP_WINDOW_MS),
      until: new Date(now.getTime() - SWEEP_GRACE_MS),
      limit: 1000,
    });
    for (const candidate of candidates) {
      const last = await this.#store.lastResolution(candidate.seq);
      if (last) {
        await this.incidentResolved({
          ...candidate,
          id: incidentRecordType.id(candidate.seq),
          version: last.version,
          actor: last.actor,
        });
      }
    }
    return candidates.length;
  }

  /** True while no campaign and no response exist (imports seed an empty portal only). */
  isEmpty(): Promise<boolean> {
    return this.#store.isEmpty();
  }

  /** Sends invitations whose sending was claimed long ago and never done. */
  async resendStale(): Promise<number> {
    return this.#delivery.resendStale(this.#now());
  }

  // Helpers ------------------------------------------------------------------------------

  async #record(
    invitation: InvitationRecord,
    response: NewResponse,
  ): Promise<SurveyResponse> {
    const recorded = await this.#store.recordResponse({
      invitationSeq: invitation.seq,
      response,
    });
    const source = toSource(invitation.source);
    if (!recorded) {
      throw new ConflictError(`You have answered ${source.id} already`);
    }
    // Pages showing the service's figures, or the campaign's counts, reload.
    await this.#notifier.changed({
      record: { id: source.id, version: 0 },
      recordChannel: satisfactionSignalChannel(response.entityRef),
      collectionChannel: SURVEYS_SIGNAL_CHANNEL,
    });
    return {
      source,
      entityRef: response.entityRef,
      respondent: response.respondent,
      rating: response.rating,
      nps: response.nps,
      comment: response.comment,
      answers: response.answers,
      submittedAt: response.submittedAt.toISOString(),
    };
  }

  async #requireRead(ctx: RequestContext): Promise<void> {
    await requireBasic(this.#permissions, slaReadPermission, ctx.credentials);
  }
}
