import { databases } from '../__testUtils__/testBackend';
import { scratchDatabase } from './__testUtils__/scratchRecords';
import {
  ownersOf,
  readRecordEntities,
  replaceRecordEntities,
} from './entities';

jest.setTimeout(60_000);

const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';
const API = 'api:default/checkout';

describe.each(databases.eachSupportedId())(
  'filed entities on %p',
  databaseId => {
    it('files records under entities, the first primary, and reads them primary first, then by ref', async () => {
      const knex = await scratchDatabase(databaseId);
      await replaceRecordEntities(knex, 'alpha', 1, [
        { entityRef: PAYMENTS, ownerRef: 'group:default/team-a' },
        { entityRef: API, ownerRef: null },
        { entityRef: CART, ownerRef: 'group:default/team-b' },
      ]);
      await replaceRecordEntities(knex, 'alpha', 2, [
        { entityRef: CART, ownerRef: 'group:default/team-b' },
      ]);
      // Another record type with the same sequence number is another record.
      await replaceRecordEntities(knex, 'beta', 1, [
        { entityRef: CART, ownerRef: null },
      ]);

      const filed = await readRecordEntities(knex, 'alpha', [1, 2, 3]);
      expect(filed.get(1)).toEqual([
        { entityRef: PAYMENTS, ownerRef: 'group:default/team-a' },
        { entityRef: API, ownerRef: null },
        { entityRef: CART, ownerRef: 'group:default/team-b' },
      ]);
      expect(ownersOf(filed.get(1)!)).toEqual([
        'group:default/team-a',
        'group:default/team-b',
      ]);
      expect(filed.has(3)).toBe(false);

      // Replacing moves the primary and drops what is no longer named.
      await replaceRecordEntities(knex, 'alpha', 1, [
        { entityRef: CART, ownerRef: 'group:default/team-b' },
        { entityRef: PAYMENTS, ownerRef: 'group:default/team-a' },
      ]);
      expect(
        (await readRecordEntities(knex, 'alpha', [1]))
          .get(1)!
          .map(e => e.entityRef),
      ).toEqual([CART, PAYMENTS]);
      await replaceRecordEntities(knex, 'alpha', 2, []);
      expect((await readRecordEntities(knex, 'alpha', [2])).size).toBe(0);
      expect((await readRecordEntities(knex, 'beta', [1])).get(1)).toEqual([
        { entityRef: CART, ownerRef: null },
      ]);
      expect((await readRecordEntities(knex, 'alpha', [])).size).toBe(0);
    });
  },
);
