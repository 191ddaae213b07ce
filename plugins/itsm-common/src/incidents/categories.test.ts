import fc from 'fast-check';
import {
  DEFAULT_INCIDENT_CATEGORIES,
  IncidentCategoryTaxonomy,
  UNCATEGORISED,
  incidentCategoryList,
  mapToIncidentCategory,
  validateIncidentCategory,
  validateIncidentCategoryTaxonomy,
} from './categories';

const taxonomy: IncidentCategoryTaxonomy = {
  availability: ['outage', 'degradation'],
  performance: ['latency'],
  security: [],
  [UNCATEGORISED]: [],
};

describe('validateIncidentCategoryTaxonomy', () => {
  it('accepts the default taxonomy as it is', () => {
    expect(
      validateIncidentCategoryTaxonomy(DEFAULT_INCIDENT_CATEGORIES),
    ).toEqual(DEFAULT_INCIDENT_CATEGORIES);
  });

  it('adds uncategorised and keeps the configured order', () => {
    const result = validateIncidentCategoryTaxonomy({
      performance: ['latency'],
      availability: ['outage'],
      data: null,
    });
    expect(Object.keys(result)).toEqual([
      'performance',
      'availability',
      'data',
      UNCATEGORISED,
    ]);
    expect(result.data).toEqual([]);
  });

  it.each([
    ['a list instead of a map', ['availability'], 'must map category ids'],
    [
      'an empty category id',
      { '': ['outage'] },
      'category: must be a non-empty id',
    ],
    [
      'an uppercase category id',
      { Availability: [] },
      "category: 'Availability' must be lowercase",
    ],
    [
      'a subcategory that is not a list',
      { availability: 'outage' },
      'itsm.incidents.categories.availability: must be a list',
    ],
    [
      'an empty subcategory id',
      { availability: ['outage', ''] },
      'itsm.incidents.categories.availability[1]: must be a non-empty id',
    ],
    [
      'a subcategory with spaces',
      { availability: ['full outage'] },
      "availability[0]: 'full outage' must be lowercase",
    ],
    [
      'a duplicate subcategory',
      { availability: ['outage', 'outage'] },
      "subcategory 'outage' is listed more than once",
    ],
    [
      'subcategories of uncategorised',
      { uncategorised: ['misc'] },
      'uncategorised has no subcategories',
    ],
    ['a double hyphen', { 'data--loss': [] }, "'data--loss' must be lowercase"],
  ])('rejects %s', (_, raw, message) => {
    expect(() => validateIncidentCategoryTaxonomy(raw)).toThrow(message);
  });
});

describe('validateIncidentCategory', () => {
  it.each([
    ['no category and no subcategory', null, null],
    ['a category without a subcategory', 'availability', null],
    ['a category and one of its subcategories', 'availability', 'outage'],
    ['uncategorised', UNCATEGORISED, undefined],
  ])('accepts %s', (_, category, subcategory) => {
    expect(() =>
      validateIncidentCategory(taxonomy, category, subcategory),
    ).not.toThrow();
  });

  it.each([
    ['an unknown category', 'network', null, /^category: 'network' is not/],
    [
      'a subcategory of another category',
      'performance',
      'outage',
      /^subcategory: 'outage' is not a subcategory of 'performance'; use one of latency$/,
    ],
    [
      'a subcategory of a category without any',
      'security',
      'certificate',
      /^subcategory: 'security' has no subcategories$/,
    ],
    [
      'a subcategory without a category',
      null,
      'outage',
      /^subcategory: 'outage' needs a category/,
    ],
    [
      'a category in another case',
      'Availability',
      null,
      /^category: 'Availability' is not/,
    ],
    ['an inherited property name', 'constructor', null, /^category:/],
  ])('rejects %s, naming the field', (_, category, subcategory, message) => {
    expect(() =>
      validateIncidentCategory(taxonomy, category, subcategory),
    ).toThrow(expect.objectContaining({ name: 'InputError' }));
    expect(() =>
      validateIncidentCategory(taxonomy, category, subcategory),
    ).toThrow(message);
  });
});

describe('mapToIncidentCategory', () => {
  it.each([
    [
      'a known pair',
      'availability',
      'outage',
      'availability',
      'outage',
      undefined,
    ],
    [
      'other case, spaces and underscores',
      ' Availability ',
      'OUTAGE',
      'availability',
      'outage',
      undefined,
    ],
    ['no values', undefined, undefined, UNCATEGORISED, null, undefined],
    ['empty strings', '  ', '', UNCATEGORISED, null, undefined],
    [
      'a known category alone',
      'performance',
      null,
      'performance',
      null,
      undefined,
    ],
    [
      'an unknown category',
      'foo',
      undefined,
      UNCATEGORISED,
      null,
      'category "foo" not in the taxonomy: uncategorised',
    ],
    [
      'an unknown category with a subcategory',
      'foo',
      'bar',
      UNCATEGORISED,
      null,
      'category "foo" not in the taxonomy, subcategory "bar" dropped: uncategorised',
    ],
    [
      'a subcategory without a category',
      undefined,
      'outage',
      UNCATEGORISED,
      null,
      'subcategory "outage" dropped: uncategorised',
    ],
    [
      'an unknown subcategory of a known category',
      'performance',
      'outage',
      'performance',
      null,
      `subcategory "outage" not in the taxonomy under 'performance': no subcategory`,
    ],
    ['a number', 42, undefined, UNCATEGORISED, null, expect.any(String)],
  ])('maps %s', (_, rawCategory, rawSub, category, subcategory, note) => {
    expect(mapToIncidentCategory(taxonomy, rawCategory, rawSub)).toEqual({
      category,
      subcategory,
      ...(note ? { note } : {}),
    });
  });

  it('shortens long reported values in the note', () => {
    const { note } = mapToIncidentCategory(taxonomy, 'x'.repeat(500), null);
    expect(note!.length).toBeLessThan(150);
  });

  it('always gives a pair the taxonomy accepts', () => {
    const anyTaxonomy = fc
      .dictionary(
        fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8})?$/),
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}$/), { maxLength: 4 }),
        { maxKeys: 6 },
      )
      .map(raw => {
        const { [UNCATEGORISED]: _, ...rest } = raw;
        return validateIncidentCategoryTaxonomy(rest);
      });
    const rawValue = fc.oneof(
      fc.string(),
      fc.constant(undefined),
      fc.constant(null),
      fc.integer(),
    );
    fc.assert(
      fc.property(anyTaxonomy, rawValue, rawValue, (tax, cat, sub) => {
        const mapped = mapToIncidentCategory(tax, cat, sub);
        expect(() =>
          validateIncidentCategory(tax, mapped.category, mapped.subcategory),
        ).not.toThrow();
      }),
    );
  });

  it('keeps every valid pair as it is, without a note', () => {
    const pairs = incidentCategoryList(DEFAULT_INCIDENT_CATEGORIES).flatMap(
      c => [
        [c.id, null] as const,
        ...c.subcategories.map(s => [c.id, s] as const),
      ],
    );
    fc.assert(
      fc.property(fc.constantFrom(...pairs), ([category, subcategory]) => {
        expect(
          mapToIncidentCategory(
            DEFAULT_INCIDENT_CATEGORIES,
            category,
            subcategory,
          ),
        ).toEqual({ category, subcategory });
      }),
    );
  });
});
