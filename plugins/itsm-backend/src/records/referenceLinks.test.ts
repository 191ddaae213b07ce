import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { databases } from '../__testUtils__/testBackend';
import {
  alphaTable,
  betaTable,
  insertRecord,
  scratchDatabase,
} from './__testUtils__/scratchRecords';
import { LinkableRecordType, RecordLinkService } from './links';
import { recordReferenceLinks } from './referenceLinks';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const T0 = new Date('2027-02-01T10:00:00.000Z');
const ctx = { credentials: mockCredentials.user(ALICE) };

/** A linkable type whose records the caller may read when `readable` says so. */
function linkable(
  table: LinkableRecordType['table'],
  readable: (seq: number) => boolean = () => true,
): LinkableRecordType {
  return {
    table,
    mayRead: async seq => readable(seq),
    requireLinkWrite: async () => {},
  };
}

async function linkRows(knex: Knex) {
  return (await knex('itsm_record_links').orderBy('seq')).map(
    row =>
      `${row.from_type}-${row.from_seq} ${row.relation} ${row.to_type}-${row.to_seq}`,
  );
}

describe.each(databases.eachSupportedId())(
  'links made once on %p',
  databaseId => {
    it('insertOnce links two records unless linked either way, with the events of a link', async () => {
      const knex = await scratchDatabase(databaseId);
      const links = new RecordLinkService({ db: knex, now: () => T0 });
      const alpha = linkable(alphaTable);
      const beta = linkable(betaTable);
      const a = await insertRecord(knex, alphaTable);
      const b = await insertRecord(knex, betaTable);
      const link = (
        from: LinkableRecordType,
        fromSeq: number,
        to: LinkableRecordType,
        toSeq: number,
      ) =>
        knex.transaction(tx =>
          links.insertOnce(tx, {
            from,
            fromSeq,
            to,
            toSeq,
            relation: 'relates_to',
            actor: ALICE,
          }),
        );

      expect(await link(alpha, a, beta, b)).toBe(true);
      expect(await link(alpha, a, beta, b)).toBe(false);
      expect(await link(beta, b, alpha, a)).toBe(false);
      // Records of one type: the other end decides, whichever way the link points.
      const a2 = await insertRecord(knex, alphaTable);
      const a3 = await insertRecord(knex, alphaTable);
      expect(await link(alpha, a2, alpha, a)).toBe(true);
      expect(await link(alpha, a, alpha, a2)).toBe(false);
      expect(await link(alpha, a, alpha, a3)).toBe(true);
      expect(await linkRows(knex)).toEqual([
        `alpha-${a} relates_to beta-${b}`,
        `alpha-${a2} relates_to alpha-${a}`,
        `alpha-${a} relates_to alpha-${a3}`,
      ]);
      expect(
        (await alphaTable.history(knex, { seq: a, limit: 10 })).items.map(
          e => e.action,
        ),
      ).toEqual(['create', 'linked', 'linked', 'linked']);
    });

    it('recordReferenceLinks resolves readable ids only and links a reference once', async () => {
      const knex = await scratchDatabase(databaseId);
      const links = new RecordLinkService({ db: knex, now: () => T0 });
      const alpha = linkable(alphaTable);
      const beta = linkable(betaTable);
      const hidden = await insertRecord(knex, betaTable);
      const shown = await insertRecord(knex, betaTable);
      const naming = await insertRecord(knex, alphaTable);
      const references = recordReferenceLinks({
        noun: 'beta',
        readableSeq: async id => {
          const seq = betaTable.type.parse(id);
          return seq === shown ? seq : undefined;
        },
        linkable: () => beta,
        links,
        db: knex,
      });

      expect(
        await references.resolve(betaTable.type.id(shown), 'betaId', ctx),
      ).toBe(shown);
      for (const id of [betaTable.type.id(hidden), 'CMP-99', 'nope']) {
        await expect(
          references.resolve(id, 'betaId', ctx),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: `betaId: beta '${id}' does not exist`,
        });
      }
      const reference = {
        from: alpha,
        fromSeq: naming,
        toSeq: shown,
        relation: 'relates_to' as const,
        note: 'Named by alpha',
        actor: 'User:Default/Alice',
      };
      // Twice at once and once more: one link, made by the lowercase actor.
      await Promise.all([
        references.link(reference),
        references.link(reference),
      ]);
      await references.link(reference);
      expect(await linkRows(knex)).toEqual([
        `alpha-${naming} relates_to beta-${shown}`,
      ]);
      expect(
        await knex('itsm_record_links').first('created_by', 'note'),
      ).toEqual({ created_by: ALICE, note: 'Named by alpha' });
    });

    it('withTypes links through the types and at the clock it is given', async () => {
      const knex = await scratchDatabase(databaseId);
      const links = new RecordLinkService({ db: knex });
      links.register(linkable(alphaTable));
      links.register(linkable(betaTable, () => false));
      const a = await insertRecord(knex, alphaTable);
      const b = await insertRecord(knex, betaTable);
      const body = { to: betaTable.type.id(b), relation: 'relates_to' };

      // The registered beta type hides its records from the caller.
      await expect(
        links.create(linkable(alphaTable), alphaTable.type.id(a), body, ctx),
      ).rejects.toMatchObject({ name: 'InputError' });
      const imported = links.withTypes([linkable(betaTable)], {
        now: () => T0,
      });
      expect(
        await imported.create(
          linkable(alphaTable),
          alphaTable.type.id(a),
          body,
          ctx,
        ),
      ).toMatchObject({
        from: alphaTable.type.id(a),
        to: betaTable.type.id(b),
        createdAt: T0.toISOString(),
        createdBy: ALICE,
      });
    });
  },
);
