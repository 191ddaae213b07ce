import fc from 'fast-check';
import {
  MAX_RECORD_SEQ,
  RECORD_ID_PREFIXES,
  defineLifecycle,
  formatRecordId,
  parseRecordId,
  parseRecordSeq,
  recordIdSchema,
  recordLinkCreateSchema,
} from '.';

describe('record ids', () => {
  it.each([
    ['INC-42', { prefix: 'INC', seq: 42 }],
    ['inc-42', { prefix: 'INC', seq: 42 }],
    ['UC-3', { prefix: 'UC', seq: 3 }],
    ['bre-7', { prefix: 'BRE', seq: 7 }],
    ['KE-2147483647', { prefix: 'KE', seq: MAX_RECORD_SEQ }],
  ])('parses %p', (id, expected) => {
    expect(parseRecordId(id)).toEqual(expected);
  });

  it.each([
    'INC-0',
    'INC-007',
    'INC-2147483648',
    'INC-100000000000000000000',
    'INC-',
    'INC-1.5',
    'XYZ-1',
    ' INC-1',
    'INC-1 ',
    '',
  ])('rejects %p', id => {
    expect(parseRecordId(id)).toBeUndefined();
  });

  it('parses only the prefixes asked for', () => {
    expect(parseRecordSeq('CHG', 'CHG-9')).toBe(9);
    expect(parseRecordSeq('CHG', 'INC-9')).toBeUndefined();
    expect(parseRecordId('OLA-1', ['OLA', 'UC'])).toEqual({
      prefix: 'OLA',
      seq: 1,
    });
  });

  it('round-trips every prefix and sequence that fits the column', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RECORD_ID_PREFIXES),
        fc.integer({ min: 1, max: MAX_RECORD_SEQ }),
        (prefix, seq) => {
          expect(parseRecordId(formatRecordId(prefix, seq))).toEqual({
            prefix,
            seq,
          });
        },
      ),
    );
  });
});

describe('defineLifecycle', () => {
  const lifecycle = defineLifecycle(
    {
      open: ['working', 'cancelled'],
      working: ['open', 'done', 'cancelled'],
      done: [],
      cancelled: [],
    },
    ['done', 'cancelled'],
  );

  it('answers the moves of the table', () => {
    expect(lifecycle.allowed('open')).toEqual(['working', 'cancelled']);
    expect(lifecycle.isFinal('done')).toBe(true);
    expect(() => lifecycle.check('open', 'working', 'problem')).not.toThrow();
  });

  it.each([
    ['done', 'open', 'The problem is done and cannot change'],
    ['open', 'open', 'The problem is already open'],
    [
      'open',
      'done',
      'A problem cannot move from open to done; allowed: working, cancelled',
    ],
  ] as const)('409 for %p -> %p', (from, to, message) => {
    expect(() => lifecycle.check(from, to, 'problem')).toThrow(
      expect.objectContaining({ name: 'ConflictError', message }),
    );
  });

  it('words the article for the noun', () => {
    expect(() => lifecycle.check('open', 'done', 'incident')).toThrow(
      /^An incident cannot move/,
    );
  });
});

describe('recordLinkCreateSchema', () => {
  it('takes a record id and a known relation, nothing else', () => {
    expect(
      recordLinkCreateSchema.safeParse({ to: 'PRB-1', relation: 'fixes' })
        .success,
    ).toBe(true);
    for (const body of [
      { to: 'nope', relation: 'fixes' },
      { to: 'PRB-1', relation: 'likes' },
      { to: 'PRB-1', relation: 'fixes', extra: true },
      { relation: 'fixes' },
    ]) {
      expect(recordLinkCreateSchema.safeParse(body).success).toBe(false);
    }
  });
});

describe('recordIdSchema', () => {
  const schema = recordIdSchema('CHG', 'must be a change id like CHG-42');

  it('takes an id of its type in any case and gives it back canonical', () => {
    expect(schema.parse('CHG-42')).toBe('CHG-42');
    expect(schema.parse('chg-42')).toBe('CHG-42');
    expect(schema.parse(`CHG-${MAX_RECORD_SEQ}`)).toBe(`CHG-${MAX_RECORD_SEQ}`);
  });

  it('refuses other types, leading zeros and sequences the database cannot hold, with its message', () => {
    for (const id of [
      'INC-42',
      'CHG-042',
      'CHG-0',
      `CHG-${MAX_RECORD_SEQ + 1}`,
      'CHG-100000000000000000000',
      'CHG-',
      '',
    ]) {
      const result = schema.safeParse(id);
      expect([id, result.success]).toEqual([id, false]);
      expect(result.error?.issues[0].message).toBe(
        'must be a change id like CHG-42',
      );
    }
  });
});
