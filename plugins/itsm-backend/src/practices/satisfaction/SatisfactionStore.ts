import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import type {
  SatisfactionCounts,
  SurveyAnswerValue,
  SurveyAudience,
  SurveyQuestion,
  SurveyStatus,
} from '@backstage-itsm/plugin-itsm-common';

/** The fields of a campaign a write sets. */
export interface SurveyFields {
  status: SurveyStatus;
  title: string;
  description: string;
  /** Lowercase canonical. */
  entityRef: string;
  templateId: string;
  questions: SurveyQuestion[];
  anonymous: boolean;
  audience: SurveyAudience;
  closesAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
}

/** A stored campaign with its counts. */
export interface SurveyRecord extends SurveyFields {
  seq: number;
  version: number;
  /** Owner of its service when it was made (lowercase), or null. */
  ownerRef: string | null;
  invited: number;
  responses: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** The fields of a template a write sets. */
export interface TemplateFields {
  title: string;
  description: string;
  questions: SurveyQuestion[];
}

/** A stored template of one's own. */
export interface TemplateRecord extends TemplateFields {
  seq: number;
  /** The slug. */
  id: string;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** What an invitation asks about. */
export type SurveySourceKey =
  | { type: 'campaign'; surveySeq: number }
  | { type: 'incident'; incidentSeq: number; cycle: number };

/** An invitation as it is recorded, before it is sent. */
export interface NewInvitation {
  source: SurveySourceKey;
  entityRef: string;
  /** User ref, lowercase. */
  invitee: string;
  /** sha256 of the source id and the invitee: one answer per person. */
  inviteeHash: string;
  invitedAt: Date;
  expiresAt: Date;
  scope: string;
  payload: NotificationPayload;
}

/** A stored invitation. */
export interface InvitationRecord extends NewInvitation {
  seq: number;
  answered: boolean;
  notifiedAt: Date | null;
}

/** A response as it is recorded; written once. */
export interface NewResponse {
  source: SurveySourceKey;
  entityRef: string;
  /** Null in an anonymous campaign. */
  respondent: string | null;
  rating: number | null;
  nps: number | null;
  comment: string | null;
  answers: Record<string, SurveyAnswerValue>;
  submittedAt: Date;
}

/** Counted responses and invitations of a service in a period. */
export interface PeriodCounts extends SatisfactionCounts {
  responses: number;
  invited: number;
}

/** A free-text comment with its scores, as stored. */
export interface StoredComment {
  at: Date;
  rating: number | null;
  nps: number | null;
  comment: string;
  source: SurveySourceKey;
}

/** A resolved incident no invitation was recorded for since its resolution. */
export interface UninvitedResolution {
  seq: number;
  title: string;
  entityRef: string;
  reporter: string;
  resolvedAt: Date;
}
