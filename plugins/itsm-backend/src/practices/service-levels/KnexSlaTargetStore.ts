import { toDate } from '../../records/rows';
import { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  ReviewCadence,
  ServiceLevelTargets,
  WorkloadLimits,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { toOptionalDate } from '../../records/rows';

/** The terms JSON of an SLA revision in `itsm_agreement_revisions`. */
export interface SlaRevisionTerms {
  title: string;
  calendarId: string;
  customerGroups: string[];
  targets: ServiceLevelTargets;
  workloadLimits: WorkloadLimits;
  exceptions: string;
  reviewCadence: ReviewCadence;
}

/** One agreed revision of a service's SLA, as incident clocks read it. */
export interface SlaTermsRevision {
  slaSeq: number;
  revision: number;
  /** ISO-8601 UTC, inclusive. */
  effectiveFrom: string;
  /** ISO-8601 UTC, exclusive; null when open-ended. */
  effectiveTo: string | null;
  terms: SlaRevisionTerms;
}

/** Where incidents read the SLA targets of their service (read only). */
export interface SlaTargetSource {
  /** Every revision of the SLA of a service (any case), oldest first; empty without an SLA. */
  revisionsOf(entityRef: string): Promise<SlaTermsRevision[]>;
  /** One revision of an SLA, if it exists. */
  revision(
    slaSeq: number,
    revision: number,
  ): Promise<SlaTermsRevision | undefined>;
}

const REVISIONS = 'itsm_agreement_revisions';
const SLAS = 'itsm_slas';
const SLA_TYPE = 'sla';

function fromRow(row: Record<string, any>): SlaTermsRevision {
  return {
    slaSeq: Number(row.agreement_seq),
    revision: Number(row.revision),
    effectiveFrom: toDate(row.effective_from).toISOString(),
    effectiveTo: toOptionalDate(row.effective_to)?.toISOString() ?? null,
    terms: (typeof row.terms === 'string'
      ? JSON.parse(row.terms)
      : row.terms) as SlaRevisionTerms,
  };
}

/**
 * Reads SLA revisions for incident targets; the agreements themselves are written by the
 * agreement store. Revisions are never edited but for closing their effective period.
 */
export class KnexSlaTargetStore implements SlaTargetSource {
  readonly #db: Knex;

  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexSlaTargetStore> {
    return new KnexSlaTargetStore(await options.database.getClient());
  }

  /** A store on an open connection (tests). */
  static fromKnex(db: Knex): KnexSlaTargetStore {
    return new KnexSlaTargetStore(db);
  }

  private constructor(db: Knex) {
    this.#db = db;
  }

  async revisionsOf(entityRef: string): Promise<SlaTermsRevision[]> {
    const rows = await this.#db(`${REVISIONS} as r`)
      .join(`${SLAS} as s`, 's.seq', 'r.agreement_seq')
      .where('r.agreement_type', SLA_TYPE)
      .andWhere('s.entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .select(
        'r.agreement_seq',
        'r.revision',
        'r.terms',
        'r.effective_from',
        'r.effective_to',
      )
      .orderBy('r.revision', 'asc');
    return rows.map(fromRow);
  }

  async revision(
    slaSeq: number,
    revision: number,
  ): Promise<SlaTermsRevision | undefined> {
    const row = await this.#db(REVISIONS)
      .where({
        agreement_type: SLA_TYPE,
        agreement_seq: slaSeq,
        revision,
      })
      .first(
        'agreement_seq',
        'revision',
        'terms',
        'effective_from',
        'effective_to',
      );
    return row ? fromRow(row) : undefined;
  }
}
