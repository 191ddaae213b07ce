import fc from 'fast-check';
import { slaInForce } from './inForce';

const rev = (
  revision: number,
  effectiveFrom: string,
  effectiveTo?: string | null,
) => ({
  revision,
  effectiveFrom,
  effectiveTo,
});

describe('slaInForce', () => {
  const revisions = [
    rev(1, '2026-01-01T00:00:00Z', '2026-07-01T00:00:00Z'),
    rev(2, '2026-07-01T00:00:00Z', null),
    rev(3, '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z'),
  ];

  it.each([
    ['2025-12-31T23:59:59Z', undefined],
    ['2026-01-01T00:00:00Z', 1],
    ['2026-06-30T23:59:59.999Z', 1],
    ['2026-07-01T00:00:00Z', 2], // effectiveTo is exclusive
    ['2026-09-15T00:00:00Z', 3], // the later revision wins where they overlap
    ['2026-10-01T00:00:00Z', 2],
    ['2030-01-01T00:00:00Z', 2],
  ])('at %s picks revision %p', (at, expected) => {
    expect(slaInForce(revisions, new Date(at))?.revision).toBe(expected);
  });

  it('prefers the later start among equal revisions', () => {
    const a = { ...rev(1, '2026-01-01T00:00:00Z'), id: 'SLA-1' };
    const b = { ...rev(1, '2026-02-01T00:00:00Z'), id: 'SLA-2' };
    expect(slaInForce([a, b], new Date('2026-03-01T00:00:00Z'))?.id).toBe(
      'SLA-2',
    );
    expect(slaInForce([b, a], new Date('2026-03-01T00:00:00Z'))?.id).toBe(
      'SLA-2',
    );
  });

  it('names a bad date', () => {
    expect(() => slaInForce([rev(1, 'soon')], new Date())).toThrow(
      /revisions\[0\]\.effectiveFrom/,
    );
  });

  it('returns the highest revision covering the instant, whatever the order', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    const day = 86_400_000;
    const revisionsArb = fc
      .uniqueArray(
        fc.record({
          revision: fc.integer({ min: 1, max: 50 }),
          start: fc.integer({ min: 0, max: 100 }),
          length: fc.option(fc.integer({ min: 1, max: 100 }), {
            nil: undefined,
          }),
        }),
        { selector: r => r.revision, maxLength: 8 },
      )
      .map(list =>
        list.map(r => ({
          revision: r.revision,
          effectiveFrom: new Date(base + r.start * day).toISOString(),
          effectiveTo:
            r.length === undefined
              ? null
              : new Date(base + (r.start + r.length) * day).toISOString(),
        })),
      );
    fc.assert(
      fc.property(
        revisionsArb,
        fc.integer({ min: -10, max: 250 }),
        (list, offset) => {
          const at = new Date(base + offset * day + 3_600_000);
          const covers = (r: (typeof list)[number]) =>
            Date.parse(r.effectiveFrom) <= at.getTime() &&
            (r.effectiveTo === null ||
              at.getTime() < Date.parse(r.effectiveTo));
          const found = slaInForce(list, at);
          const covering = list.filter(covers);
          expect(found?.revision).toBe(
            covering.length
              ? Math.max(...covering.map(r => r.revision))
              : undefined,
          );
          expect(found === undefined || covers(found)).toBe(true);
          expect(slaInForce([...list].reverse(), at)).toBe(found);
        },
      ),
    );
  });
});
