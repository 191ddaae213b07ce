import { DatabaseService } from '@backstage/backend-plugin-api';
import type { SurveyListQuery } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { isUniqueViolation, migratedClient } from '../../records/database';
import { toDate, toOptionalDate } from '../../records/rows';
import { RECORD_TABLES } from '../../records/tables';
import type {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';
import { incidentRecordType } from '../incidents/incidentRecordType';
import type {
  InvitationRecord,
  NewInvitation,
  NewResponse,
  PeriodCounts,
  StoredComment,
  SurveyFields,
  SurveyRecord,
  SurveySourceKey,
  TemplateFields,
  TemplateRecord,
  UninvitedResolution,
} from './SatisfactionStore';
import {
  SURVEY_INVITATIONS,
  SURVEY_RESPONSES,
  surveyRecordType,
  surveyTable,
  surveyTemplateRecordType,
  surveyTemplateTable,
} from './surveyRecordTypes';

const SURVEYS = surveyRecordType.table;
const TEMPLATES = surveyTemplateRecordType.table;
const INVITATIONS = SURVEY_INVITATIONS;
const RESPONSES = SURVEY_RESPONSES;
const ENTITIES = RECORD_TABLES.entities;
const HISTORY = RECORD_TABLES.history;
const INCIDENTS = incidentRecordType.table;
const SURVEY = surveyRecordType.recordType;

const json = (value: unknown) => JSON.stringify(value);
const parse = (value: unknown) =>
  typeof value === 'string' ? JSON.parse(value) : value;
const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The history changes of a resolution: its status moved to resolved from any open status. */
const RESOLVE_PATTERNS = ['new', 'in_progress', 'on_hold'].map(
  from => `%"status":["${from}","resolved"]%`,
);

function surveyRow(fields: Partial<SurveyFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const map: Record<string, (v: any) => [string, unknown]> = {
    status: v => ['status', v],
    title: v => ['title', v],
    description: v => ['description', v],
    entityRef: v => ['entity_ref', v],
    templateId: v => ['template_id', v],
    questions: v => ['questions', json(v)],
    anonymous: v => ['anonymous', v],
    audience: v => ['audience', json(v)],
    closesAt: v => ['closes_at', v],
    openedAt: v => ['opened_at', v],
    closedAt: v => ['closed_at', v],
  };
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && map[key]) {
      const [column, stored] = map[key](value);
      row[column] = stored;
    }
  }
  return row;
}

function templateRow(fields: Partial<TemplateFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  if (fields.title !== undefined) row.title = fields.title;
  if (fields.description !== undefined) row.description = fields.description;
  if (fields.questions !== undefined) row.questions = json(fields.questions);
  return row;
}

function rowToTemplate(row: Record<string, any>): TemplateRecord {
  return {
    seq: Number(row.seq),
    id: row.id,
    version: Number(row.version),
    title: row.title,
    description: row.description,
    questions: parse(row.questions),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
  };
}

function sourceOf(row: Record<string, any>): SurveySourceKey {
  return row.source_type === 'campaign'
    ? { type: 'campaign', surveySeq: Number(row.survey_seq) }
    : {
        type: 'incident',
        incidentSeq: Number(row.incident_seq),
        cycle: Number(row.cycle),
      };
}

function sourceColumns(source: SurveySourceKey) {
  return source.type === 'campaign'
    ? {
        source_type: 'campaign',
        survey_seq: source.surveySeq,
        incident_seq: null,
        cycle: null,
      }
    : {
        source_type: 'incident',
        survey_seq: null,
        incident_seq: source.incidentSeq,
        cycle: source.cycle,
      };
}

function rowToInvitation(row: Record<string, any>): InvitationRecord {
  return {
    seq: Number(row.seq),
    source: sourceOf(row),
    entityRef: row.entity_ref,
    invitee: row.invitee,
    inviteeHash: row.invitee_hash,
    invitedAt: toDate(row.invited_at),
    expiresAt: toDate(row.expires_at),
    scope: row.scope,
    payload: parse(row.payload),
    answered: Boolean(row.answered),
    notifiedAt: toOptionalDate(row.notified_at),
  };
}

function invitationRow(invitation: NewInvitation, now: Date) {
  return {
    ...sourceColumns(invitation.source),
    entity_ref: invitation.entityRef,
    invitee: invitation.invitee,
    invitee_hash: invitation.inviteeHash,
    answered: false,
    invited_at: invitation.invitedAt,
    expires_at: invitation.expiresAt,
    scope: invitation.scope,
    payload: json(invitation.payload),
    claimed_at: now,
    notified_at: null,
  };
}

const num = (value: unknown) => Number(value ?? 0);

/** The invitation was answered before this response: nothing is written. */
class AnsweredAlready extends Error {}

/** The aggregate columns of scores, so SQL and the pure rules count the same. */
function scoreColumns(db: Knex) {
  return [
    db.raw('count(*) as responses'),
    db.raw('count(rating) as ratings'),
    db.raw('sum(case when rating >= 4 then 1 else 0 end) as satisfied'),
    db.raw('sum(rating) as rating_sum'),
    db.raw('count(nps) as nps_answers'),
    db.raw('sum(case when nps >= 9 then 1 else 0 end) as promoters'),
    db.raw('sum(case when nps <= 6 then 1 else 0 end) as detractors'),
  ];
}

function rowToCounts(
  row: Record<string, any> | undefined,
): Omit<PeriodCounts, 'invited'> {
  return {
    responses: num(row?.responses),
    ratings: num(row?.ratings),
    satisfied: num(row?.satisfied),
    ratingSum: num(row?.rating_sum),
    npsAnswers: num(row?.nps_answers),
    promoters: num(row?.promoters),
    detractors: num(row?.detractors),
  };
}

/**
 * Survey templates, campaigns, invitations and responses: their own columns and reads, and the
 * satisfaction figures aggregated in SQL. Versioned writes, history and keyset pages go through
 * the kernel's record tables. No business rule lives here.
 */
export class KnexSatisfactionStore {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexSatisfactionStore> {
    return new KnexSatisfactionStore(await migratedClient(options.database));
  }

  constructor(db: Knex) {
    this.#db = db;
  }

  // Templates -----------------------------------------------------------------------------

  async getTemplate(id: string): Promise<TemplateRecord | undefined> {
    const row = await this.#db(TEMPLATES).where('id', id).first();
    return row ? rowToTemplate(row) : undefined;
  }

  async listTemplates(): Promise<TemplateRecord[]> {
    const rows = await this.#db(TEMPLATES).orderBy('seq', 'asc').limit(500);
    return rows.map(rowToTemplate);
  }

  /** Inserts a template at version 1 with its create event; undefined when the id is taken. */
  async createTemplate(options: {
    id: string;
    template: TemplateFields;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<TemplateRecord | undefined> {
    try {
      await this.#db.transaction(tx =>
        surveyTemplateTable.insert(
          tx,
          {
            id: options.id,
            ...templateRow(options.template),
            created_at: options.createdAt,
            created_by: options.createdBy,
            updated_at: options.createdAt,
          },
          options.event,
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
    return this.getTemplate(options.id);
  }

  async updateTemplate(options: {
    seq: number;
    id: string;
    expectedVersion: number;
    changes: Partial<TemplateFields>;
    at: Date;
    event: NewHistoryEvent;
  }): Promise<TemplateRecord> {
    await this.#db.transaction(tx =>
      surveyTemplateTable.update(tx, {
        seq: options.seq,
        expectedVersion: options.expectedVersion,
        row: { ...templateRow(options.changes), updated_at: options.at },
        event: options.event,
        label: options.id,
      }),
    );
    return (await this.getTemplate(options.id))!;
  }

  templateHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return surveyTemplateTable.history(this.#db, { seq, ...query });
  }

  // Campaigns ----------------------------------------------------------------------------

  async createSurvey(options: {
    survey: SurveyFields;
    ownerRef: string | null;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<SurveyRecord> {
    const seq = await this.#db.transaction(async tx => {
      const inserted = await surveyTable.insert(
        tx,
        {
          ...surveyRow(options.survey),
          created_at: options.createdAt,
          created_by: options.createdBy,
          updated_at: options.createdAt,
        },
        options.event,
      );
      await tx(ENTITIES).insert({
        record_type: SURVEY,
        record_seq: inserted,
        entity_ref: options.survey.entityRef,
        owner_ref: options.ownerRef,
        is_primary: true,
      });
      return inserted;
    });
    return (await this.getSurvey(seq))!;
  }

  async getSurvey(seq: number): Promise<SurveyRecord | undefined> {
    const row = await this.#surveys().where(`${SURVEYS}.seq`, seq).first();
    return row ? this.#toSurvey(row) : undefined;
  }

  async listSurveys(query: SurveyListQuery): Promise<StorePage<SurveyRecord>> {
    const q = this.#surveys();
    if (query.entityRef?.length) {
      q.whereIn(`${SURVEYS}.entity_ref`, query.entityRef.map(lower));
    }
    if (query.status?.length) {
      q.whereIn(`${SURVEYS}.status`, query.status);
    }
    return surveyTable.page(q, query, rows => rows.map(r => this.#toSurvey(r)));
  }

  /**
   * A versioned write of a campaign; the invitations given are recorded in the same
   * transaction (a campaign opening invites its audience), each once per person.
   */
  async updateSurvey(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<SurveyFields>;
    at: Date;
    event: NewHistoryEvent;
    invitations?: NewInvitation[];
  }): Promise<{ survey: SurveyRecord; invitations: InvitationRecord[] }> {
    const seqs = await this.#db.transaction(async tx => {
      await surveyTable.update(tx, {
        seq: options.seq,
        expectedVersion: options.expectedVersion,
        row: { ...surveyRow(options.changes), updated_at: options.at },
        event: options.event,
      });
      const inserted: number[] = [];
      // Batches keep each statement's parameters within every database's limits.
      const all = options.invitations ?? [];
      for (let i = 0; i < all.length; i += 200) {
        const rows = await tx(INVITATIONS)
          .insert(
            all.slice(i, i + 200).map(inv => invitationRow(inv, options.at)),
          )
          .returning('seq');
        inserted.push(
          ...rows.map((r: any) => Number(typeof r === 'object' ? r.seq : r)),
        );
      }
      return inserted;
    });
    const invitations = seqs.length
      ? (await this.#db(INVITATIONS).whereIn('seq', seqs).orderBy('seq')).map(
          rowToInvitation,
        )
      : [];
    return { survey: (await this.getSurvey(options.seq))!, invitations };
  }

  surveyHistory(
    seq: number,
    query: { limit: number; cursor?: string },
  ): Promise<StorePage<HistoryEventRecord>> {
    return surveyTable.history(this.#db, { seq, ...query });
  }

  /** Campaigns with their invitation and response counts and stored owner. */
  #surveys() {
    const db = this.#db;
    return db(SURVEYS).select(
      `${SURVEYS}.*`,
      db(INVITATIONS)
        .count('*')
        .whereRaw(`${INVITATIONS}.survey_seq = ${SURVEYS}.seq`)
        .as('invited_count'),
      db(RESPONSES)
        .count('*')
        .whereRaw(`${RESPONSES}.survey_seq = ${SURVEYS}.seq`)
        .as('response_count'),
      db(ENTITIES)
        .select('owner_ref')
        .where('record_type', SURVEY)
        .whereRaw(`${ENTITIES}.record_seq = ${SURVEYS}.seq`)
        .where('is_primary', true)
        .limit(1)
        .as('owner_ref'),
    );
  }

  #toSurvey(row: Record<string, any>): SurveyRecord {
    return {
      seq: Number(row.seq),
      version: Number(row.version),
      status: row.status,
      title: row.title,
      description: row.description,
      entityRef: row.entity_ref,
      templateId: row.template_id,
      questions: parse(row.questions),
      anonymous: Boolean(row.anonymous),
      audience: parse(row.audience),
      closesAt: toOptionalDate(row.closes_at),
      openedAt: toOptionalDate(row.opened_at),
      closedAt: toOptionalDate(row.closed_at),
      ownerRef: row.owner_ref ?? null,
      invited: num(row.invited_count),
      responses: num(row.response_count),
      createdAt: toDate(row.created_at),
      createdBy: row.created_by,
      updatedAt: toDate(row.updated_at),
    };
  }

  // Invitations --------------------------------------------------------------------------

  /** Records one invitation; undefined when its key is taken (someone else sends it). */
  async recordInvitation(
    invitation: NewInvitation,
    now: Date,
  ): Promise<InvitationRecord | undefined> {
    try {
      const [inserted] = await this.#db(INVITATIONS)
        .insert(invitationRow(invitation, now))
        .returning('seq');
      const seq = Number(
        typeof inserted === 'object' ? inserted.seq : inserted,
      );
      const row = await this.#db(INVITATIONS).where('seq', seq).first();
      return rowToInvitation(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
  }

  /** The invitation of a person to a campaign, by the hash of both. */
  async campaignInvitation(
    surveySeq: number,
    inviteeHash: string,
  ): Promise<InvitationRecord | undefined> {
    const row = await this.#db(INVITATIONS)
      .where({ survey_seq: surveySeq, invitee_hash: inviteeHash })
      .first();
    return row ? rowToInvitation(row) : undefined;
  }

  /** The latest invitation of a person to rate an incident's resolution. */
  async incidentInvitation(
    incidentSeq: number,
    invitee: string,
  ): Promise<InvitationRecord | undefined> {
    const row = await this.#db(INVITATIONS)
      .where({ incident_seq: incidentSeq, invitee })
      .orderBy('cycle', 'desc')
      .first();
    return row ? rowToInvitation(row) : undefined;
  }

  /** A person's invitations, newest first, with what they are about. */
  async invitationsOf(options: {
    invitee: string;
    surveySeq?: number;
    incidentSeq?: number;
    /** Only unanswered ones that have not expired by then. */
    pendingAt?: Date;
    limit: number;
  }): Promise<
    Array<
      InvitationRecord & {
        title: string;
        description: string;
        surveyStatus: string | null;
        anonymous: boolean;
        questions: unknown;
      }
    >
  > {
    const db = this.#db;
    const query = db(`${INVITATIONS} as v`)
      .leftJoin(`${SURVEYS} as s`, 's.seq', 'v.survey_seq')
      .leftJoin(`${INCIDENTS} as i`, 'i.seq', 'v.incident_seq')
      .select(
        'v.*',
        's.title as survey_title',
        's.description as survey_description',
        's.status as survey_status',
        's.anonymous as survey_anonymous',
        's.questions as survey_questions',
        'i.title as incident_title',
      )
      .where('v.invitee', options.invitee);
    if (options.surveySeq !== undefined) {
      query.where('v.survey_seq', options.surveySeq);
    }
    if (options.incidentSeq !== undefined) {
      query.where('v.incident_seq', options.incidentSeq);
    }
    if (options.pendingAt) {
      query
        .where('v.answered', false)
        .where('v.expires_at', '>', options.pendingAt)
        .where(inner =>
          inner.whereNull('s.status').orWhere('s.status', 'open'),
        );
    }
    const rows = await query.orderBy('v.seq', 'desc').limit(options.limit);
    return rows.map(row => ({
      ...rowToInvitation(row),
      title: row.survey_title ?? row.incident_title ?? '',
      description: row.survey_description ?? '',
      surveyStatus: row.survey_status ?? null,
      anonymous: Boolean(row.survey_anonymous),
      questions: row.survey_questions ? parse(row.survey_questions) : null,
    }));
  }

  /** Takes over invitations whose sending was claimed before `claimedBefore` and never done. */
  async claimUnsent(options: {
    claimedBefore: Date;
    now: Date;
    limit: number;
  }): Promise<InvitationRecord[]> {
    const stale = () =>
      this.#db(INVITATIONS)
        .whereNull('notified_at')
        .where('claimed_at', '<', options.claimedBefore);
    const candidates = await stale().orderBy('seq').limit(options.limit);
    const claimed: InvitationRecord[] = [];
    for (const row of candidates) {
      // Only one caller's update still sees the stale claim.
      const updated = await stale()
        .where('seq', row.seq)
        .update({ claimed_at: options.now });
      if (updated === 1) {
        claimed.push(rowToInvitation(row));
      }
    }
    return claimed;
  }

  async markNotified(seqs: number[], at: Date): Promise<void> {
    for (let i = 0; i < seqs.length; i += 500) {
      await this.#db(INVITATIONS)
        .whereIn('seq', seqs.slice(i, i + 500))
        .update({ notified_at: at });
    }
  }

  // Responses ----------------------------------------------------------------------------

  /**
   * Marks the invitation answered and stores the response in one transaction; undefined when
   * the invitation was answered already (by a concurrent request too), and nothing is written.
   */
  async recordResponse(options: {
    invitationSeq: number;
    response: NewResponse;
  }): Promise<NewResponse | undefined> {
    const { response } = options;
    try {
      return await this.#db.transaction(async tx => {
        const updated = await tx(INVITATIONS)
          .where({ seq: options.invitationSeq, answered: false })
          .update({ answered: true });
        if (updated !== 1) {
          throw new AnsweredAlready();
        }
        await tx(RESPONSES).insert({
          ...sourceColumns(response.source),
          entity_ref: response.entityRef,
          respondent: response.respondent,
          rating: response.rating,
          nps: response.nps,
          comment: response.comment,
          answers: json(response.answers),
          submitted_at: response.submittedAt,
        });
        return response;
      });
    } catch (error) {
      if (error instanceof AnsweredAlready || isUniqueViolation(error)) {
        return undefined;
      }
      throw error;
    }
  }

  /** The stored response to an invitation of a named person (never in anonymous campaigns). */
  async responseOf(
    source: SurveySourceKey,
    respondent: string,
  ): Promise<NewResponse | undefined> {
    const query = this.#db(RESPONSES).where('respondent', respondent);
    if (source.type === 'campaign') {
      query.where('survey_seq', source.surveySeq);
    } else {
      query.where({ incident_seq: source.incidentSeq, cycle: source.cycle });
    }
    const row = await query.first();
    return row
      ? {
          source: sourceOf(row),
          entityRef: row.entity_ref,
          respondent: row.respondent,
          rating: row.rating === null ? null : Number(row.rating),
          nps: row.nps === null ? null : Number(row.nps),
          comment: row.comment,
          answers: parse(row.answers),
          submittedAt: toDate(row.submitted_at),
        }
      : undefined;
  }

  // Figures ------------------------------------------------------------------------------

  /** Responses and invitations of a service in `[from, to)`, counted in SQL. */
  async counts(options: {
    entityRef: string;
    from: Date;
    to: Date;
  }): Promise<PeriodCounts> {
    const [periods] = await this.countsByPeriod({
      entityRef: options.entityRef,
      periods: [{ from: options.from, to: options.to }],
    });
    return periods;
  }

  /**
   * The counts of each period (periods may touch but not overlap), in one query for the
   * responses and one for the invitations.
   */
  async countsByPeriod(options: {
    entityRef: string;
    periods: Array<{ from: Date; to: Date }>;
  }): Promise<PeriodCounts[]> {
    const { periods } = options;
    if (periods.length === 0) {
      return [];
    }
    const db = this.#db;
    const bucket = (column: string) => {
      const cases = periods
        .map((_, i) => `when ${column} >= ? and ${column} < ? then ${i}`)
        .join(' ');
      return db.raw(
        `case ${cases} else -1 end as bucket`,
        periods.flatMap(p => [p.from, p.to]),
      );
    };
    const first = new Date(Math.min(...periods.map(p => p.from.getTime())));
    const last = new Date(Math.max(...periods.map(p => p.to.getTime())));
    const entityRef = lower(options.entityRef);
    const [responses, invitations] = await Promise.all([
      db(RESPONSES)
        .select(bucket('submitted_at'), ...scoreColumns(db))
        .where('entity_ref', entityRef)
        .where('submitted_at', '>=', first)
        .where('submitted_at', '<', last)
        .groupBy('bucket'),
      db(INVITATIONS)
        .select(bucket('invited_at'), db.raw('count(*) as invited'))
        .where('entity_ref', entityRef)
        .where('invited_at', '>=', first)
        .where('invited_at', '<', last)
        .groupBy('bucket'),
    ]);
    return periods.map((_, i) => ({
      ...rowToCounts(responses.find((r: any) => num(r.bucket) === i)),
      invited: num(invitations.find((r: any) => num(r.bucket) === i)?.invited),
    }));
  }

  /** The latest comments on a service in `[from, to)`, newest first. */
  async comments(options: {
    entityRef: string;
    from: Date;
    to: Date;
    limit: number;
  }): Promise<StoredComment[]> {
    if (options.limit <= 0) {
      return [];
    }
    const rows = await this.#db(RESPONSES)
      .select(
        'submitted_at',
        'rating',
        'nps',
        'comment',
        'source_type',
        'survey_seq',
        'incident_seq',
        'cycle',
      )
      .where('entity_ref', lower(options.entityRef))
      .where('submitted_at', '>=', options.from)
      .where('submitted_at', '<', options.to)
      .whereNotNull('comment')
      .orderBy('submitted_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(options.limit);
    return rows.map(row => ({
      at: toDate(row.submitted_at),
      rating: row.rating === null ? null : Number(row.rating),
      nps: row.nps === null ? null : Number(row.nps),
      comment: row.comment,
      source: sourceOf(row),
    }));
  }

  // Incidents ----------------------------------------------------------------------------

  /**
   * The resolution cycle of an incident at `version`: how many times its history moved it to
   * resolved up to that version (1 for its first resolution).
   */
  async resolutionCycle(incidentSeq: number, version: number): Promise<number> {
    const [row] = await this.#db(HISTORY)
      .count({ n: '*' })
      .where({ record_type: incidentRecordType.recordType })
      .where('record_seq', incidentSeq)
      .where('version', '<=', version)
      .where('action', 'transition')
      .where(inner => {
        for (const pattern of RESOLVE_PATTERNS) {
          inner.orWhere('changes', 'like', pattern);
        }
      });
    return num(row?.n);
  }

  /** Who moved an incident to resolved at its latest resolution, and at which version. */
  async lastResolution(
    incidentSeq: number,
  ): Promise<{ version: number; actor: string } | undefined> {
    const row = await this.#db(HISTORY)
      .select('version', 'actor')
      .where({ record_type: incidentRecordType.recordType })
      .where('record_seq', incidentSeq)
      .where('action', 'transition')
      .where(inner => {
        for (const pattern of RESOLVE_PATTERNS) {
          inner.orWhere('changes', 'like', pattern);
        }
      })
      .orderBy('seq', 'desc')
      .first();
    return row ? { version: Number(row.version), actor: row.actor } : undefined;
  }

  /**
   * Incidents resolved in `[since, until)` reported by a user, with no invitation recorded
   * since they were resolved: the ones whose invitation decision may have been lost.
   */
  async uninvitedResolutions(options: {
    since: Date;
    until: Date;
    limit: number;
  }): Promise<UninvitedResolution[]> {
    const db = this.#db;
    const rows = await db(`${INCIDENTS} as i`)
      .select('i.seq', 'i.title', 'i.entity_ref', 'i.reporter', 'i.resolved_at')
      .where('i.status', 'resolved')
      .where('i.resolved_at', '>=', options.since)
      .where('i.resolved_at', '<', options.until)
      .where('i.reporter', 'like', 'user:%')
      .whereNotExists(
        db(`${INVITATIONS} as v`)
          .select(db.raw('1'))
          .whereRaw('v.incident_seq = i.seq')
          .whereRaw('v.invited_at >= i.resolved_at'),
      )
      .orderBy('i.seq')
      .limit(options.limit);
    return rows.map(row => ({
      seq: Number(row.seq),
      title: row.title,
      entityRef: row.entity_ref,
      reporter: lower(row.reporter),
      resolvedAt: toDate(row.resolved_at),
    }));
  }

  /** True when no campaign and no response exist (imports seed an empty portal only). */
  async isEmpty(): Promise<boolean> {
    const [survey, response] = await Promise.all([
      this.#db(SURVEYS).first('seq'),
      this.#db(RESPONSES).first('seq'),
    ]);
    return !survey && !response;
  }
}
