import type {
  SatisfactionComment,
  SatisfactionFigures,
  SatisfactionTrendPoint,
} from './contract';

/** The kinds of survey question. @public */
export const SURVEY_QUESTION_TYPES = [
  'rating',
  'nps',
  'choice',
  'text',
] as const;

/**
 * `rating`: 1–5 (the first rating question of a survey is its CSAT question); `nps`: 0–10
 * (at most one per survey); `choice`: one of `options` (several with `multiple`); `text`:
 * free text.
 *
 * @public
 */
export type SurveyQuestionType = (typeof SURVEY_QUESTION_TYPES)[number];

/** One question of a survey template (and of the campaigns made from it). @public */
export interface SurveyQuestion {
  /** Stable within the survey, like `overall`; answers are keyed by it. */
  id: string;
  type: SurveyQuestionType;
  text: string;
  required: boolean;
  /** The options of a choice question. */
  options?: string[];
  /** A choice question that takes several options. */
  multiple?: boolean;
}

/**
 * A survey template: the questions a campaign asks. Built-in templates cannot change; the
 * campaigns made from a template keep the questions it had then.
 *
 * @public
 */
export interface SurveyTemplate {
  /** A slug, like `service-satisfaction`. */
  id: string;
  version: number;
  title: string;
  description: string;
  questions: SurveyQuestion[];
  builtIn: boolean;
  createdAt: string | null;
  createdBy: string | null;
  updatedAt: string | null;
}

/** Campaign statuses: `draft → open → closed` (a draft may be closed unopened). @public */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;

/** @public */
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/**
 * Who a campaign invites, resolved to people when it opens: the members of the customer
 * groups of the service's SLA in force, the members of the owners of the entities that
 * depend on the service or consume its APIs (from the catalog graph), and further users or
 * groups.
 *
 * @public
 */
export interface SurveyAudience {
  slaCustomers: boolean;
  consumerOwners: boolean;
  /** Further user or group refs, lowercase. */
  extra: string[];
}

/** A survey campaign (`SUR-n`) on a service. @public */
export interface Survey {
  id: string;
  version: number;
  title: string;
  description: string;
  /** The service asked about, lowercase canonical. */
  entityRef: string;
  templateId: string;
  /** The template's questions when the campaign was made (or its template last changed). */
  questions: SurveyQuestion[];
  status: SurveyStatus;
  /** Responses carry no respondent identity. */
  anonymous: boolean;
  audience: SurveyAudience;
  /** When answers stop being taken; required to open. */
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  /** People invited when the campaign opened. */
  invited: number;
  responses: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** One answer: a rating or NPS score, a chosen option (or several), or text. @public */
export type SurveyAnswerValue = number | string | string[];

/** What a survey response or invitation refers to. @public */
export interface SurveySource {
  type: 'incident' | 'campaign';
  /** `INC-n` or `SUR-n`. */
  id: string;
}

/** A stored response; written once, never edited. @public */
export interface SurveyResponse {
  source: SurveySource;
  entityRef: string;
  /** Null in an anonymous campaign. */
  respondent: string | null;
  /** The CSAT answer (the first rating question), 1–5. */
  rating: number | null;
  /** The NPS answer, 0–10. */
  nps: number | null;
  /** Why: required with a low score. */
  comment: string | null;
  answers: Record<string, SurveyAnswerValue>;
  submittedAt: string;
}

/** Where an invitation stands for the invited person. @public */
export type SurveyInvitationState = 'pending' | 'answered' | 'expired';

/** An invitation as the invited person sees it (`GET /survey-invitations`). @public */
export interface SurveyInvitation {
  source: SurveySource;
  /** The incident's or the campaign's title. */
  title: string;
  description: string;
  entityRef: string;
  questions: SurveyQuestion[];
  anonymous: boolean;
  invitedAt: string;
  expiresAt: string;
  state: SurveyInvitationState;
}

/** `GET /satisfaction`: a service's figures over a period, its monthly trend and comments. @public */
export interface SatisfactionOverview {
  entityRef: string;
  from: string;
  to: string;
  /** Below this many responses the figures are flagged `tooFew`. */
  minResponses: number;
  figures: SatisfactionFigures;
  trend: SatisfactionTrendPoint[];
  comments: SatisfactionComment[];
}

/** `GET /satisfaction/summary`: the last 90 days, for the service health card. @public */
export interface SatisfactionHealth {
  entityRef: string;
  from: string;
  to: string;
  figures: SatisfactionFigures;
}

/** Channel of one campaign's live updates: `{ id, version }` on every write of it. @public */
export function surveySignalChannel(id: string): string {
  return `itsm:survey:${id}`;
}

/**
 * Channel of all campaigns, and of satisfaction figures: `{ id, version }` on every campaign
 * write and every response (`id` is the campaign or incident answered, `version` 0).
 *
 * @public
 */
export const SURVEYS_SIGNAL_CHANNEL = 'itsm:surveys';

/**
 * Channel of a service's satisfaction figures: `{ id, version: 0 }` (the campaign or incident
 * answered) on every response about the service.
 *
 * @public
 */
export function satisfactionSignalChannel(entityRef: string): string {
  return `itsm:satisfaction:${entityRef.toLocaleLowerCase('en-US')}`;
}
