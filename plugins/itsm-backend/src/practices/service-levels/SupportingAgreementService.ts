import { readableRecord } from '../../records/access';
import { RequestContext, WriteContext, actorOf } from '../../records/context';
import { InputError } from '@backstage/errors';
import {
  AgreementRevision,
  HistoryEvent,
  Page,
  SupportingAgreement,
  SupportingAgreementPatchRequest,
  supportingAgreementCreateSchema,
  supportingAgreementPatchSchema,
  validateSupportingAgreement,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type {
  AgreementStore,
  SupportingAgreementRecord,
  SupportingTerms,
} from './AgreementStore';
import { parseInput } from '../../records/validation';
import { AgreementAccess, canonical } from './AgreementAccess';
import { agreedFrom, planAgreementPatch } from './agreementPatch';
import { CalendarLookupSource } from './AgreementService';
import { createdChanges } from '../../records/rows';
import {
  SupportingAgreementListQuery,
  parseSlaId,
  parseSupportingAgreementId,
  sameValue,
  slaId,
  agreementHistory,
  agreementRevisions,
  toSupportingAgreement,
} from './agreementViews';
import {
  expectedVersionOf,
  requireVersion,
  unlessStale,
} from '../../records/versions';

/** A validated `POST /supporting-agreements` body. */
export type SupportingAgreementCreateInput = z.output<
  typeof supportingAgreementCreateSchema
>;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
const WHAT = 'supporting agreements';

/**
 * Operational level agreements (with internal groups) and underpinning contracts (with
 * suppliers): the same target model as SLAs, linked to the SLAs they underpin, changed by
 * the owners of the service or component they cover.
 */
export class SupportingAgreementService {
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

  async create(
    input: SupportingAgreementCreateInput,
    ctx: RequestContext,
  ): Promise<SupportingAgreement> {
    await this.#access.requireManage(ctx.credentials);
    const service = await this.#access.service(input.entityRef);
    await this.#access.requireOwner(ctx.credentials, service, WHAT);
    const terms: SupportingTerms = {
      title: input.title,
      calendarId: input.calendarId,
      targets: input.targets,
      workloadLimits: input.workloadLimits,
      exceptions: input.exceptions,
      reviewCadence: input.reviewCadence,
      internalGroup: input.internalGroup
        ? canonical(input.internalGroup, 'internalGroup')
        : null,
      supplier: input.supplier ?? null,
      contractRef: input.contractRef ?? null,
    };
    const now = this.#now();
    const effectiveFrom = agreedFrom(input.effectiveFrom, now);
    validateSupportingAgreement(
      {
        ...terms,
        workloadLimits: { ...terms.workloadLimits },
        kind: input.kind,
        effectiveFrom: effectiveFrom.toISOString(),
        effectiveTo: input.effectiveTo ?? null,
        lastReviewedAt: input.lastReviewedAt ?? null,
      },
      { calendars: await this.#calendars() },
    );
    const slaSeqs = await this.#slaSeqs(input.slaIds);
    await this.#requireLinkable(ctx, slaSeqs);
    const actor = lower(actorOf(ctx.credentials));
    const agreement = {
      ...service,
      kind: input.kind,
      slaSeqs,
      terms,
      effectiveFrom,
      effectiveTo: input.effectiveTo ? new Date(input.effectiveTo) : null,
      lastReviewedAt: input.lastReviewedAt
        ? new Date(input.lastReviewedAt)
        : null,
    };
    const preview = toSupportingAgreement({
      ...agreement,
      seq: 0,
      version: 1,
      revision: 1,
      createdAt: now,
      createdBy: actor,
      updatedAt: now,
    });
    const record = await this.#store.createSupportingAgreement({
      agreement,
      createdAt: now,
      createdBy: actor,
      event: {
        at: now,
        actor,
        action: 'create',
        changes: createdChanges(preview, ['nextReviewAt']),
      },
    });
    return toSupportingAgreement(record);
  }

  async get(id: string, ctx: RequestContext): Promise<SupportingAgreement> {
    return toSupportingAgreement(await this.#readable(id, ctx));
  }

  async list(
    query: SupportingAgreementListQuery,
    ctx: RequestContext,
  ): Promise<Page<SupportingAgreement>> {
    await this.#access.requireRead(ctx.credentials);
    const slaSeqs = query.slaId?.map((id, i) => {
      const seq = parseSlaId(id);
      if (seq === undefined) {
        throw new InputError(`slaId[${i}]: must be an SLA id like SLA-2`);
      }
      return seq;
    });
    const page = await this.#store.listSupportingAgreements({
      entityRefs: query.entityRef?.map(ref => canonical(ref, 'entityRef')),
      slaSeqs,
      kinds: query.kind,
      limit: query.limit,
      cursor: query.cursor,
      order: query.order,
    });
    return {
      items: page.items.map(toSupportingAgreement),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Edits an OLA or UC: a change of terms or effective dates adds a revision, new links to
   * SLAs or a new `lastReviewedAt` only update it. A no-op writes nothing.
   */
  async patch(
    id: string,
    body: SupportingAgreementPatchRequest,
    ctx: WriteContext,
  ): Promise<SupportingAgreement> {
    const input = parseInput(supportingAgreementPatchSchema, body, 'body');
    const expected = expectedVersionOf(ctx, 'agreement');
    const record = await this.#readable(id, ctx);
    const prefix = record.kind === 'ola' ? 'OLA' : 'UC';
    await this.#access.requireManage(ctx.credentials);
    const ownerRef = await this.#access.currentOwner(record);
    await this.#access.requireOwner(
      ctx.credentials,
      { entityRef: record.entityRef, ownerRef },
      WHAT,
    );
    const now = this.#now();
    const actor = lower(actorOf(ctx.credentials));
    const { effectiveFrom, effectiveTo, lastReviewedAt, slaIds, ...terms } =
      input;
    const { plan, slaSeqs } = await unlessStale(
      record,
      expected,
      async () => {
        const planned = planAgreementPatch<SupportingTerms>({
          record,
          terms: {
            ...terms,
            internalGroup: terms.internalGroup
              ? canonical(terms.internalGroup, 'internalGroup')
              : terms.internalGroup,
          },
          dates: { effectiveFrom, effectiveTo, lastReviewedAt },
          now,
          actor,
        });
        if (planned.revision) {
          validateSupportingAgreement(
            { ...planned.definition, kind: record.kind },
            { calendars: await this.#calendars() },
          );
        }
        const seqs = slaIds ? await this.#slaSeqs(slaIds) : undefined;
        if (seqs) {
          // Unlinking needs only ownership of the agreement; a new link, of the SLA too.
          await this.#requireLinkable(
            ctx,
            seqs.filter(seq => !record.slaSeqs.includes(seq)),
          );
        }
        if (seqs && !sameValue(seqs, record.slaSeqs)) {
          planned.changes.slaIds = [record.slaSeqs.map(slaId), seqs.map(slaId)];
          return { plan: planned, slaSeqs: seqs };
        }
        return { plan: planned, slaSeqs: undefined };
      },
      prefix,
    );
    if (Object.keys(plan.changes).length === 0) {
      requireVersion(record, expected, prefix);
      return toSupportingAgreement(record);
    }
    const updated = await this.#store.updateSupportingAgreement({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      ownerRef: ownerRef !== record.ownerRef ? ownerRef : undefined,
      lastReviewedAt: plan.lastReviewedAt,
      revision: plan.revision,
      slaSeqs,
      at: now,
      event: {
        at: now,
        actor,
        action: plan.revision ? 'revise' : 'update',
        changes: plan.changes,
      },
    });
    return toSupportingAgreement(updated);
  }

  /** Every agreed revision, oldest first. */
  async revisions(
    id: string,
    ctx: RequestContext,
  ): Promise<{ items: AgreementRevision[] }> {
    const record = await this.#readable(id, ctx);
    return agreementRevisions(this.#store, 'supporting', record.seq);
  }

  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#readable(id, ctx);
    return agreementHistory(this.#store, 'supporting', record.seq, query);
  }

  /** The sequence numbers of linked SLAs, ascending; `InputError` naming an unknown one. */
  async #slaSeqs(ids: string[]): Promise<number[]> {
    const seqs = ids.map(id => parseSlaId(id));
    const existing = new Set(
      await this.#store.existingSlaSeqs(
        seqs.filter((seq): seq is number => seq !== undefined),
      ),
    );
    const missing = seqs.findIndex(
      seq => seq === undefined || !existing.has(seq),
    );
    if (missing !== -1) {
      throw new InputError(
        `slaIds[${missing}]: SLA '${ids[missing]}' does not exist`,
      );
    }
    return [...new Set(seqs as number[])].sort((a, b) => a - b);
  }

  /**
   * Throws `NotAllowedError` naming the SLA unless the caller also owns the service of every SLA
   * in `seqs`: a link puts the agreement on that SLA's tab and into its alignment check.
   */
  async #requireLinkable(ctx: RequestContext, seqs: number[]): Promise<void> {
    for (const seq of seqs) {
      const sla = await this.#store.getSla(seq);
      if (sla) {
        const ownerRef = await this.#access.currentOwner(sla);
        await this.#access.requireOwner(
          ctx.credentials,
          { entityRef: sla.entityRef, ownerRef },
          WHAT,
          `only owners of ${
            sla.entityRef
          } may link supporting agreements to ${slaId(seq)}`,
        );
      }
    }
  }

  /** The agreement behind an id of its own kind, if the caller may read agreements; else 404. */
  async #readable(
    id: string,
    ctx: RequestContext,
  ): Promise<SupportingAgreementRecord> {
    const parsed = parseSupportingAgreementId(id);
    return readableRecord({
      id,
      label: 'Supporting agreement',
      parse: () => parsed?.seq,
      access: async () =>
        (await this.#access.mayRead(ctx.credentials)) ? {} : false,
      // An OLA's number read as a UC (or the reverse) is not that record.
      load: async seq => {
        const record = await this.#store.getSupportingAgreement(seq);
        return record?.kind === parsed?.kind ? record : undefined;
      },
    });
  }
}
