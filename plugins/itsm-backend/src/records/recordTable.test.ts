import { MAX_RECORD_SEQ } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { databases } from '../__testUtils__/testBackend';
import {
  alphaTable,
  alphaType,
  insertRecord,
  scratchDatabase,
} from './__testUtils__/scratchRecords';
import { encodeCursor } from './cursor';
import { KeysetSort } from './recordTable';

jest.setTimeout(60_000);

const TABLE = alphaType.table;

/** By score, an integer 0–100. */
function byScore(knex: Knex): KeysetSort {
  return {
    name: 'score',
    key: knex.raw('??', [`${TABLE}.score`]),
    valueOf: row => Number(row.score),
    accepts: v => Number.isSafeInteger(v) && (v as number) >= 0,
  };
}

/** By due date, records without one last when ascending. */
function byDue(knex: Knex): KeysetSort {
  return {
    name: 'due',
    key: knex.raw('coalesce(??, ?)', [`${TABLE}.due`, '9999-12-31']),
    valueOf: row => row.due ?? '9999-12-31',
    accepts: v => typeof v === 'string' && v.length <= 10,
  };
}

describe.each(databases.eachSupportedId())('keyset pages on %p', databaseId => {
  it('pages a list sorted by a key before its sequence, ties by sequence, with cursors that name the sort', async () => {
    const knex = await scratchDatabase(databaseId);
    const rows = [
      { score: 40, due: '2027-03-01' }, // 1
      { score: 90, due: null }, // 2
      { score: 40, due: '2027-01-15' }, // 3
      { score: 10, due: '2027-03-01' }, // 4
      { score: 90, due: '2027-02-01' }, // 5
    ];
    for (const row of rows) await insertRecord(knex, alphaTable, row);

    const walk = async (
      options: { order: 'asc' | 'desc'; sort?: KeysetSort },
      limit: number,
    ) => {
      const seen: number[][] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await alphaTable.page(
          knex(TABLE).select('*'),
          { ...options, limit, cursor },
          r => r.map(row => Number(row.seq)),
        );
        seen.push(page.items);
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
    };

    expect(await walk({ order: 'desc', sort: byScore(knex) }, 2)).toEqual([
      [5, 2],
      [3, 1],
      [4],
    ]);
    expect(await walk({ order: 'asc', sort: byScore(knex) }, 2)).toEqual([
      [4, 1],
      [3, 2],
      [5],
    ]);
    expect(await walk({ order: 'asc', sort: byDue(knex) }, 1)).toEqual([
      [3],
      [5],
      [1],
      [4],
      [2],
    ]);
    expect(await walk({ order: 'desc' }, 3)).toEqual([
      [5, 4, 3],
      [2, 1],
    ]);

    const page = (
      cursor: string,
      options: { order: 'asc' | 'desc'; sort?: KeysetSort },
    ) =>
      alphaTable.page(
        knex(TABLE).select('*'),
        { ...options, limit: 10, cursor },
        r => r.map(row => Number(row.seq)),
      );
    const first = await alphaTable.page(
      knex(TABLE).select('*'),
      { order: 'desc', limit: 1, sort: byScore(knex) },
      r => r.map(row => Number(row.seq)),
    );
    const plain = await alphaTable.page(
      knex(TABLE).select('*'),
      { order: 'desc', limit: 1 },
      r => r.map(row => Number(row.seq)),
    );
    // A cursor belongs to its sort and order: any other is a 400, never a wrong page.
    for (const [cursor, options] of [
      [first.nextCursor!, { order: 'desc' as const }],
      [first.nextCursor!, { order: 'desc' as const, sort: byDue(knex) }],
      [plain.nextCursor!, { order: 'desc' as const, sort: byScore(knex) }],
      [
        encodeCursor({
          seq: 3,
          order: 'desc',
          sort: { name: 'score', value: 'high' },
        }),
        { order: 'desc' as const, sort: byScore(knex) },
      ],
      ['not a cursor', { order: 'desc' as const, sort: byScore(knex) }],
    ] as const) {
      await expect(page(cursor, options)).rejects.toMatchObject({
        name: 'InputError',
        message: 'cursor is invalid',
      });
    }
    await expect(
      page(first.nextCursor!, { order: 'asc', sort: byScore(knex) }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: "cursor belongs to a list in 'desc' order",
    });

    // A sequence past every one a record can have (outside PostgreSQL's int4) is no error:
    // ascending, no tie follows it; newest first, every tie does.
    const past = (order: 'asc' | 'desc') =>
      encodeCursor({
        seq: MAX_RECORD_SEQ + 1,
        order,
        sort: { name: 'score', value: 40 },
      });
    expect(
      await page(past('asc'), { order: 'asc', sort: byScore(knex) }),
    ).toEqual({
      items: [2, 5],
      nextCursor: null,
    });
    expect(
      await page(past('desc'), { order: 'desc', sort: byScore(knex) }),
    ).toEqual({
      items: [3, 1, 4],
      nextCursor: null,
    });
  });
});
