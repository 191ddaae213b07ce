import { InputError } from '@backstage/errors';
import type { AgreementDefinition } from '@backstage-itsm/plugin-itsm-common';
import type { AgreementRecord, RevisionRecord } from './AgreementStore';
import { sameValue } from './agreementViews';

// How a PATCH of an agreement becomes a write: a new revision when its terms or effective
// dates change, a header update when only the review date does, nothing for a no-op.

/** The date fields a PATCH may carry besides the terms. */
export interface AgreementDatesPatch {
  effectiveFrom?: string;
  effectiveTo?: string | null;
  lastReviewedAt?: string | null;
}

/** A planned agreement write; `changes` is empty for a no-op. */
export interface PlannedAgreementPatch<T> {
  /** The definition after the patch, for `validateSla` / `validateSupportingAgreement`. */
  definition: T & AgreementDefinition;
  revision?: RevisionRecord<T> & { closePreviousAt?: Date };
  lastReviewedAt?: Date | null;
  /** History changes as `[from, to]`, by wire field. */
  changes: Record<string, [unknown, unknown]>;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * When terms a write agrees take effect: `effectiveFrom` as given, or `now` when left out.
 * Terms apply from when they are agreed or later, so an instant before `now` (the server's
 * clock, or an import's own clock) is a 400: incidents raised before then run on the terms that
 * were in force when they were raised.
 */
export function agreedFrom(effectiveFrom: string | undefined, now: Date): Date {
  if (effectiveFrom === undefined) {
    return now;
  }
  const from = new Date(effectiveFrom);
  if (from < now) {
    throw new InputError(
      'effectiveFrom: terms cannot be backdated; leave effectiveFrom out to agree them from now',
    );
  }
  return from;
}
const toDate = (value: string | null) =>
  value === null ? null : new Date(value);

/**
 * Plans a PATCH. Any change of terms or effective dates adds revision n+1 in force from
 * `effectiveFrom` (default: now, or the current revision's start if that is later), which may
 * precede neither now (see {@link agreedFrom}) nor the current revision's start; the current
 * revision is closed where the new one begins unless it already ends earlier. The new revision
 * keeps the agreement's end unless the patch sets one (or it ends before the new start).
 */
export function planAgreementPatch<T extends object>(options: {
  record: AgreementRecord<T>;
  terms: Partial<T>;
  dates: AgreementDatesPatch;
  now: Date;
  actor: string;
}): PlannedAgreementPatch<T> {
  const { record, terms, dates, now, actor } = options;
  const changes: Record<string, [unknown, unknown]> = {};
  const mergedTerms = { ...record.terms };
  for (const [key, value] of Object.entries(terms)) {
    const current = record.terms[key as keyof T];
    if (value !== undefined && !sameValue(current, value)) {
      changes[key] = [current, value];
      mergedTerms[key as keyof T] = value as T[keyof T];
    }
  }
  const fromChanged =
    dates.effectiveFrom !== undefined &&
    Date.parse(dates.effectiveFrom) !== record.effectiveFrom.getTime();
  const toChanged =
    dates.effectiveTo !== undefined &&
    iso(toDate(dates.effectiveTo)) !== iso(record.effectiveTo);

  let revision: PlannedAgreementPatch<T>['revision'];
  let effectiveFrom = record.effectiveFrom;
  let effectiveTo = record.effectiveTo;
  if (Object.keys(changes).length > 0 || fromChanged || toChanged) {
    effectiveFrom =
      dates.effectiveFrom !== undefined
        ? agreedFrom(dates.effectiveFrom, now)
        : new Date(Math.max(now.getTime(), record.effectiveFrom.getTime()));
    if (effectiveFrom < record.effectiveFrom) {
      throw new InputError(
        `effectiveFrom must not be before ${record.effectiveFrom.toISOString()}, when revision ${
          record.revision
        } took effect`,
      );
    }
    if (dates.effectiveTo !== undefined) {
      effectiveTo = toDate(dates.effectiveTo);
    } else if (record.effectiveTo && record.effectiveTo <= effectiveFrom) {
      effectiveTo = null;
    }
    const closes = !record.effectiveTo || record.effectiveTo > effectiveFrom;
    revision = {
      revision: record.revision + 1,
      terms: mergedTerms,
      effectiveFrom,
      effectiveTo,
      createdAt: now,
      createdBy: actor,
      ...(closes ? { closePreviousAt: effectiveFrom } : {}),
    };
    changes.revision = [record.revision, record.revision + 1];
    if (effectiveFrom.getTime() !== record.effectiveFrom.getTime()) {
      changes.effectiveFrom = [iso(record.effectiveFrom), iso(effectiveFrom)];
    }
    if (iso(effectiveTo) !== iso(record.effectiveTo)) {
      changes.effectiveTo = [iso(record.effectiveTo), iso(effectiveTo)];
    }
  }

  let lastReviewedAt: Date | null | undefined;
  if (
    dates.lastReviewedAt !== undefined &&
    iso(toDate(dates.lastReviewedAt)) !== iso(record.lastReviewedAt)
  ) {
    lastReviewedAt = toDate(dates.lastReviewedAt);
    changes.lastReviewedAt = [iso(record.lastReviewedAt), iso(lastReviewedAt)];
  }

  return {
    definition: {
      ...mergedTerms,
      effectiveFrom: effectiveFrom.toISOString(),
      effectiveTo: iso(effectiveTo),
      lastReviewedAt: iso(
        lastReviewedAt === undefined ? record.lastReviewedAt : lastReviewedAt,
      ),
    } as T & AgreementDefinition,
    revision,
    lastReviewedAt,
    changes,
  };
}
