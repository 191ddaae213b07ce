import type {
  SatisfactionComment,
  Survey,
  SurveySource,
  SurveyTemplate,
} from '@backstage-itsm/plugin-itsm-common';
import { incidentRecordType } from '../incidents/incidentRecordType';
import type {
  StoredComment,
  SurveyFields,
  SurveyRecord,
  SurveySourceKey,
  TemplateRecord,
} from './SatisfactionStore';
import { surveyRecordType } from './surveyRecordTypes';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A campaign's fields as they go on the wire (history changes compare these). */
export function surveyWireFields(fields: Partial<SurveyFields>) {
  const wire: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    wire[key] = value instanceof Date ? value.toISOString() : value;
  }
  return wire;
}

/** A stored campaign as the API sends it. */
export function toSurvey(record: SurveyRecord): Survey {
  return {
    id: surveyRecordType.id(record.seq),
    version: record.version,
    title: record.title,
    description: record.description,
    entityRef: record.entityRef,
    templateId: record.templateId,
    questions: record.questions,
    status: record.status,
    anonymous: record.anonymous,
    audience: record.audience,
    closesAt: iso(record.closesAt),
    openedAt: iso(record.openedAt),
    closedAt: iso(record.closedAt),
    invited: record.invited,
    responses: record.responses,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A stored template as the API sends it. */
export function toTemplate(record: TemplateRecord): SurveyTemplate {
  return {
    id: record.id,
    version: record.version,
    title: record.title,
    description: record.description,
    questions: record.questions,
    builtIn: false,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** The wire form of what a response or invitation refers to. */
export function toSource(source: SurveySourceKey): SurveySource {
  return source.type === 'campaign'
    ? { type: 'campaign', id: surveyRecordType.id(source.surveySeq) }
    : { type: 'incident', id: incidentRecordType.id(source.incidentSeq) };
}

/** A stored comment as the API sends it. */
export function toComment(comment: StoredComment): SatisfactionComment {
  return {
    at: comment.at.toISOString(),
    rating: comment.rating,
    nps: comment.nps,
    comment: comment.comment,
    source: toSource(comment.source),
  };
}

/**
 * The history changes between two versions of a campaign's fields: `{ field: [from, to] }`
 * for each field that changed.
 */
export function surveyChanges(
  before: Partial<SurveyFields>,
  after: Partial<SurveyFields>,
): Record<string, [unknown, unknown]> {
  const from = surveyWireFields(before);
  const to = surveyWireFields(after);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(to)) {
    if (JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key])) {
      changes[key] = [from[key] ?? null, to[key]];
    }
  }
  return changes;
}
