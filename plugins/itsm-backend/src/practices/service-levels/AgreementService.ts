import { readableRecord } from '../../records/access';
import { createdChanges } from '../../records/rows';
import { slaRecordType } from './serviceLevelRecordTypes';
import { RequestContext, WriteContext, actorOf } from '../../records/context';
import { ConflictError, InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  AgreementRevision,
  CalendarLookup,
  HistoryEvent,
  Page,
  ServiceLevelAgreement,
  SlaAlignment,
  SlaPatchRequest,
  checkAlignment,
  slaCreateSchema,
  slaPatchSchema,
  validateSla,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type { AgreementStore, SlaRecord, SlaTerms } from './AgreementStore';
import { parseInput } from '../../records/validation';
import { AgreementAccess, canonical } from './AgreementAccess';
import { agreedFrom, planAgreementPatch } from './agreementPatch';
import {
  SlaListQuery,
  slaId,
  supportingAgreementId,
  agreementHistory,
  agreementRevisions,
  toSla,
} from './agreementViews';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';

/** A validated `POST /slas` body. */
export type SlaCreateInput = z.output<typeof slaCreateSchema>;

/** Where agreements look calendars up (the calendar registry). */
export type CalendarLookupSource = () =>
  | CalendarLookup
  | Promise<CalendarLookup>;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Lowercase canonical group refs without duplicates, in the order given. */
export function canonicalGroups(refs: string[], field: string): string[] {
  return [...new Set(refs.map((ref, i) => canonical(ref, `${field}[${i}]`)))];
}

/**
 * Service level agreements: one per service, edited by the service's owners, each change of
 * terms an agreed revision with effective dates.
 */
export class AgreementService {
  readonly #store: AgreementStore;
  readonly #access: AgreementAccess;
  readonly #calendars: CalendarLookupSource;
  readonly #now: () => Date;

  constructor(options: {
    store: AgreementStore;
    access: AgreementAccess;
    calendars: CalendarLookupSource;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#access = options.access;
    this.#calendars = options.calendars;
    this.#now = options.now ?? (() => new Date());
  }

  get access(): AgreementAccess {
    return this.#access;
  }

  async create(
    input: SlaCreateInput,
    ctx: RequestContext,
  ): Promise<ServiceLevelAgreement> {
    await this.#access.requireManage(ctx.credentials);
    const service = await this.#access.service(input.entityRef);
    await this.#access.requireOwner(ctx.credentials, service, 'SLA');
    const existing = await this.#store.getSlaByEntity(service.entityRef);
    if (existing) {
      throw new ConflictError(
        `${service.entityRef} already has ${slaId(
          existing.seq,
        )}; change that one instead`,
      );
    }
    const terms: SlaTerms = {
      title: input.title,
      calendarId: input.calendarId,
      customerGroups: canonicalGroups(input.customerGroups, 'customerGroups'),
      targets: input.targets,
      workloadLimits: input.workloadLimits,
      exceptions: input.exceptions,
      reviewCadence: input.reviewCadence,
    };
    const now = this.#now();
    const effectiveFrom = agreedFrom(input.effectiveFrom, now);
    validateSla(
      {
        ...terms,
        // A copy: the contract types workload limits as a plain record.
        workloadLimits: { ...terms.workloadLimits },
        effectiveFrom: effectiveFrom.toISOString(),
        effectiveTo: input.effectiveTo ?? null,
        lastReviewedAt: input.lastReviewedAt ?? null,
      },
      { calendars: await this.#calendars() },
    );
    const actor = lower(actorOf(ctx.credentials));
    const sla = {
      ...service,
      terms,
      effectiveFrom,
      effectiveTo: input.effectiveTo ? new Date(input.effectiveTo) : null,
      lastReviewedAt: input.lastReviewedAt
        ? new Date(input.lastReviewedAt)
        : null,
    };
    const preview = toSla({
      ...sla,
      seq: 0,
      version: 1,
      revision: 1,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    });
    const record = await this.#store.createSla({
      sla,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(preview, ['nextReviewAt']),
      },
    });
    return toSla(record);
  }

  async get(id: string, ctx: RequestContext): Promise<ServiceLevelAgreement> {
    return toSla(await this.#readable(id, ctx));
  }

  async list(
    query: SlaListQuery,
    ctx: RequestContext,
  ): Promise<Page<ServiceLevelAgreement>> {
    await this.#access.requireRead(ctx.credentials);
    const page = await this.#store.listSlas({
      entityRefs: query.entityRef?.map(ref => canonical(ref, 'entityRef')),
      limit: query.limit,
      cursor: query.cursor,
      order: query.order,
    });
    return { items: page.items.map(toSla), nextCursor: page.nextCursor };
  }

  /**
   * Edits an SLA: a change of terms or effective dates adds a revision. The last review date
   * is not edited here: closing a service review sets it ({@link AgreementService.recordReview}).
   * A no-op writes nothing.
   */
  async patch(
    id: string,
    body: SlaPatchRequest,
    ctx: WriteContext,
  ): Promise<ServiceLevelAgreement> {
    const input = parseInput(slaPatchSchema, body, 'body');
    if (input.lastReviewedAt !== undefined) {
      throw new InputError(
        'lastReviewedAt: closing a service review sets it (POST /reviews/{id}/transitions with to: closed); it cannot be patched',
      );
    }
    const expected = expectedVersionOf(ctx, 'SLA');
    const record = await this.#readable(id, ctx);
    await this.#access.requireManage(ctx.credentials);
    const ownerRef = await this.#access.currentOwner(record);
    await this.#access.requireOwner(
      ctx.credentials,
      { entityRef: record.entityRef, ownerRef },
      'SLA',
    );
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const { effectiveFrom, effectiveTo, lastReviewedAt, ...terms } = input;
    const plan = await unlessStale(
      record,
      expected,
      async () => {
        const planned = planAgreementPatch<SlaTerms>({
          record,
          terms: {
            ...terms,
            customerGroups: terms.customerGroups
              ? canonicalGroups(terms.customerGroups, 'customerGroups')
              : undefined,
          },
          dates: { effectiveFrom, effectiveTo, lastReviewedAt },
          now,
          actor,
        });
        if (planned.revision) {
          validateSla(planned.definition, {
            calendars: await this.#calendars(),
          });
        }
        return planned;
      },
      'SLA',
    );
    if (Object.keys(plan.changes).length === 0) {
      requireVersion(record, expected, 'SLA');
      return toSla(record);
    }
    const updated = await this.#store.updateSla({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      ownerRef: ownerRef !== record.ownerRef ? ownerRef : undefined,
      lastReviewedAt: plan.lastReviewedAt,
      revision: plan.revision,
      at: now,
      event: {
        at: now,
        actor,
        action: plan.revision ? 'revise' : 'review',
        changes: plan.changes,
      },
    });
    return toSla(updated);
  }

  /**
   * Records the service review `reviewId` held at `reviewedAt` (the review's close, inside
   * its transaction `tx`): `lastReviewedAt` moves there unless it is already there or later.
   * A business write on the SLA (its version goes up, a `review` event names the review) that
   * adds no revision; the caller has checked who may close the review. Whether it moved.
   */
  async recordReview(options: {
    slaId: string;
    reviewedAt: Date;
    reviewId: string;
    actor: string;
    tx?: Knex.Transaction;
  }): Promise<boolean> {
    const seq = slaRecordType.parse(options.slaId);
    if (seq === undefined) {
      throw new InputError(`slaId: '${options.slaId}' is not an SLA id`);
    }
    const at = this.#now();
    return this.#store.recordSlaReview({
      seq,
      reviewedAt: options.reviewedAt,
      at,
      event: {
        at,
        actor: options.actor,
        action: 'review',
        comment: `Service review ${options.reviewId} closed`,
      },
      tx: options.tx,
    });
  }

  /** Every agreed revision, oldest first. */
  async revisions(
    id: string,
    ctx: RequestContext,
  ): Promise<{ items: AgreementRevision[] }> {
    const record = await this.#readable(id, ctx);
    return agreementRevisions(this.#store, 'sla', record.seq);
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    return agreementHistory(this.#store, 'sla', record.seq, query);
  }

  /** The supporting agreements of an SLA, each flagged where a target is looser than the SLA's. */
  async alignment(id: string, ctx: RequestContext): Promise<SlaAlignment> {
    const record = await this.#readable(id, ctx);
    const supporting = await this.#store.listSupportingAgreementsOfSla(
      record.seq,
    );
    const calendars = await this.#calendars();
    const sla = {
      id: slaId(record.seq),
      calendarId: record.terms.calendarId,
      targets: record.terms.targets,
    };
    const agreements: SlaAlignment['agreements'] = [];
    const findings: SlaAlignment['findings'] = [];
    for (const agreement of supporting) {
      const agreementId = supportingAgreementId(agreement.kind, agreement.seq);
      const own = checkAlignment(
        sla,
        {
          id: agreementId,
          calendarId: agreement.terms.calendarId,
          targets: agreement.terms.targets,
        },
        { calendars },
      );
      agreements.push({
        id: agreementId,
        kind: agreement.kind,
        title: agreement.terms.title,
        aligned: own.length === 0,
      });
      findings.push(...own);
    }
    return { slaId: sla.id, agreements, findings };
  }

  /** The SLA behind an id, if the caller may read SLAs; else 404. */
  async #readable(id: string, ctx: RequestContext): Promise<SlaRecord> {
    return readableRecord({
      id,
      label: 'SLA',
      parse: slaRecordType.parse,
      access: async () =>
        (await this.#access.mayRead(ctx.credentials)) ? {} : false,
      load: seq => this.#store.getSla(seq),
    });
  }
}
