import {
  HistoryEvent,
  Improvement,
  Page,
  entityRefSchema,
  improvementListQuerySchema,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import type { RequestContext } from '../../records/context';
import { toHistoryEvent } from '../../records/rows';
import { parseInput } from '../../records/validation';
import { improvementCsvHeader, improvementCsvRow } from './improvementCsv';
import { IMPROVEMENT_BATCH, ImprovementItems } from './ImprovementItems';
import { utcDate } from './improvementSources';
import { toImprovement } from './improvementViews';

/** Query of `GET /improvement-counts`. */
const improvementCountsQuerySchema = z.strictObject({
  entityRef: entityRefSchema,
});

/**
 * `GET /improvement-counts?entityRef=`: what the service health card shows. The counts are
 * null when the caller may not read improvement items.
 */
export interface ImprovementCountsResponse {
  /** The entity, lowercase. */
  entityRef: string;
  /** Open items (proposed, approved, in progress) on the entity the caller may read. */
  open: number | null;
  /** Those of them past the end of their target date. */
  overdue: number | null;
}

/**
 * The register's reads: one item, its history, pages of the list's filters and the CSV
 * export of all of them, each as the caller may read it (`overdue` as of the register's clock).
 */
export class ImprovementQueries {
  readonly #items: ImprovementItems;

  constructor(options: { items: ImprovementItems }) {
    this.#items = options.items;
  }

  /** See {@link ImprovementService.get}. */
  async get(id: string, ctx: RequestContext): Promise<Improvement> {
    return toImprovement(
      await this.#items.readable(id, ctx),
      this.#items.now(),
    );
  }

  /** See {@link ImprovementService.list}. */
  async list(query: unknown, ctx: RequestContext): Promise<Page<Improvement>> {
    const parsed = parseInput(improvementListQuerySchema, query, 'query');
    const access = await this.#items.access.requireRead(ctx.credentials);
    const now = this.#items.now();
    const page = await this.#items.store.listImprovements(
      { ...parsed, today: utcDate(now) },
      access.permissionFilter,
    );
    return {
      items: page.items.map(r => toImprovement(r, now)),
      nextCursor: page.nextCursor,
    };
  }

  /** See {@link ImprovementService.counts}. */
  async counts(
    query: unknown,
    ctx: RequestContext,
  ): Promise<ImprovementCountsResponse> {
    const { entityRef } = parseInput(
      improvementCountsQuerySchema,
      query,
      'query',
    );
    const ref = entityRef.toLocaleLowerCase('en-US');
    const access = await this.#items.access.read(ctx.credentials);
    if (!access.allowed) {
      return { entityRef: ref, open: null, overdue: null };
    }
    const counts = await this.#items.store.countImprovements(
      ref,
      utcDate(this.#items.now()),
      access.permissionFilter,
    );
    return { entityRef: ref, ...counts };
  }

  /** See {@link ImprovementService.history}. */
  async history(
    id: string,
    query: { limit: number; cursor?: string },
    ctx: RequestContext,
  ): Promise<Page<HistoryEvent>> {
    const record = await this.#items.readable(id, ctx);
    const page = await this.#items.store.improvementHistory(record.seq, query);
    return {
      items: page.items.map(toHistoryEvent),
      nextCursor: page.nextCursor,
    };
  }

  /** See {@link ImprovementService.exportCsv}. */
  async exportCsv(
    query: unknown,
    ctx: RequestContext,
    write: (chunk: string) => void | Promise<void>,
  ): Promise<number> {
    const parsed = parseInput(
      improvementListQuerySchema,
      { ...(query as object), limit: IMPROVEMENT_BATCH },
      'query',
    );
    const access = await this.#items.access.requireRead(ctx.credentials);
    const now = this.#items.now();
    let cursor = parsed.cursor;
    let count = 0;
    await write(improvementCsvHeader());
    for (;;) {
      const page = await this.#items.store.listImprovements(
        { ...parsed, cursor, today: utcDate(now) },
        access.permissionFilter,
      );
      if (page.items.length) {
        await write(
          page.items
            .map(r => improvementCsvRow(toImprovement(r, now)))
            .join(''),
        );
        count += page.items.length;
      }
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return count;
  }
}
