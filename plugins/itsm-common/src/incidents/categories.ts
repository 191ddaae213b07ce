import { InputError } from '@backstage/errors';

/**
 * The controlled incident categories: category id → its subcategory ids (`itsm.incidents.categories`).
 * `uncategorised` (no subcategories) is always part of it.
 *
 * @public
 */
export type IncidentCategoryTaxonomy = Readonly<
  Record<string, readonly string[]>
>;

/** The category of incidents whose reported category is unknown or missing. @public */
export const UNCATEGORISED = 'uncategorised';

/** The longest category or subcategory id. @public */
export const MAX_CATEGORY_ID_LENGTH = 64;

/** Lowercase letters and digits in words joined by single hyphens. @public */
export const CATEGORY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The taxonomy used when `itsm.incidents.categories` is not configured.
 *
 * @public
 */
export const DEFAULT_INCIDENT_CATEGORIES: IncidentCategoryTaxonomy = {
  availability: ['outage', 'degradation', 'failover'],
  performance: ['latency', 'throughput', 'resource-exhaustion'],
  functional: ['defect', 'regression', 'configuration'],
  security: ['vulnerability', 'unauthorised-access', 'certificate'],
  data: ['corruption', 'loss', 'integrity'],
  capacity: ['storage', 'compute', 'quota'],
  infrastructure: ['network', 'dns', 'hardware', 'cloud-provider'],
  [UNCATEGORISED]: [],
};

/** One category with its subcategories, as `GET /incidents/categories` lists them. @public */
export interface IncidentCategory {
  id: string;
  subcategories: string[];
}

function checkId(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError(`${where}: must be a non-empty id`);
  }
  if (value.length > MAX_CATEGORY_ID_LENGTH) {
    throw new InputError(
      `${where}: '${value}' is longer than ${MAX_CATEGORY_ID_LENGTH} characters`,
    );
  }
  if (!CATEGORY_ID_PATTERN.test(value)) {
    throw new InputError(
      `${where}: '${value}' must be lowercase letters and digits, words joined by single hyphens`,
    );
  }
  return value;
}

/**
 * Checks a configured taxonomy (a map of category id → list of subcategory ids) and returns it
 * with `uncategorised` added; `InputError` naming the offending key for empty, malformed or
 * duplicate ids. `key` is the configuration key, for the messages.
 *
 * @public
 */
export function validateIncidentCategoryTaxonomy(
  raw: unknown,
  key = 'itsm.incidents.categories',
): IncidentCategoryTaxonomy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InputError(
      `${key}: must map category ids to lists of subcategory ids`,
    );
  }
  const taxonomy: Record<string, readonly string[]> = {};
  for (const [category, subs] of Object.entries(raw)) {
    checkId(category, `${key}: category`);
    const where = `${key}.${category}`;
    const list = subs ?? [];
    if (!Array.isArray(list)) {
      throw new InputError(`${where}: must be a list of subcategory ids`);
    }
    list.forEach((sub, i) => checkId(sub, `${where}[${i}]`));
    const duplicate = list.find((sub, i) => list.indexOf(sub) !== i);
    if (duplicate !== undefined) {
      throw new InputError(
        `${where}: subcategory '${duplicate}' is listed more than once`,
      );
    }
    if (category === UNCATEGORISED && list.length > 0) {
      throw new InputError(`${where}: ${UNCATEGORISED} has no subcategories`);
    }
    taxonomy[category] = Object.freeze([...(list as string[])]);
  }
  taxonomy[UNCATEGORISED] ??= Object.freeze([]);
  return Object.freeze(taxonomy);
}

/** The taxonomy as a list, in its configured order. @public */
export function incidentCategoryList(
  taxonomy: IncidentCategoryTaxonomy,
): IncidentCategory[] {
  return Object.entries(taxonomy).map(([id, subcategories]) => ({
    id,
    subcategories: [...subcategories],
  }));
}

const has = (taxonomy: IncidentCategoryTaxonomy, category: string) =>
  Object.prototype.hasOwnProperty.call(taxonomy, category);

/**
 * Checks a category and subcategory against the taxonomy: the category is null or one of the
 * taxonomy's, the subcategory null or one of that category's (null when the category is).
 * Throws an `InputError` naming `category` or `subcategory`.
 *
 * @public
 */
export function validateIncidentCategory(
  taxonomy: IncidentCategoryTaxonomy,
  category: string | null | undefined,
  subcategory: string | null | undefined,
): void {
  if (category === null || category === undefined) {
    if (subcategory !== null && subcategory !== undefined) {
      throw new InputError(
        `subcategory: '${subcategory}' needs a category; choose a category first`,
      );
    }
    return;
  }
  if (!has(taxonomy, category)) {
    throw new InputError(
      `category: '${category}' is not a known category; use one of ${Object.keys(
        taxonomy,
      ).join(', ')}`,
    );
  }
  if (subcategory === null || subcategory === undefined) {
    return;
  }
  const subs = taxonomy[category];
  if (!subs.includes(subcategory)) {
    throw new InputError(
      subs.length
        ? `subcategory: '${subcategory}' is not a subcategory of '${category}'; use one of ${subs.join(
            ', ',
          )}`
        : `subcategory: '${category}' has no subcategories`,
    );
  }
}

/** A category mapped onto the taxonomy, with a note when a reported value was not in it. @public */
export interface MappedIncidentCategory {
  category: string;
  subcategory: string | null;
  /** Set when a reported category or subcategory was not in the taxonomy and was dropped. */
  note?: string;
}

/** How outside values are matched: trimmed, lowercase, spaces and underscores as hyphens. */
function normalise(value: unknown): string | undefined {
  if (!['string', 'number', 'boolean'].includes(typeof value)) {
    return undefined;
  }
  const id = String(value)
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/[\s_]+/g, '-');
  return id || undefined;
}

/** A reported value as it appears in a note: trimmed and at most 100 characters. */
function quoted(value: unknown): string {
  const text = String(value).trim();
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

/**
 * Maps a category and subcategory from an outside system (an alert's labels, an import) onto
 * the taxonomy; never fails. A known category keeps its known subcategory (an unknown one is
 * dropped); an unknown or missing category becomes `uncategorised`. Values are matched trimmed
 * and lowercase, with spaces and underscores as hyphens. `note` says what was dropped.
 *
 * @public
 */
export function mapToIncidentCategory(
  taxonomy: IncidentCategoryTaxonomy,
  rawCategory: unknown,
  rawSubcategory: unknown,
): MappedIncidentCategory {
  const category = normalise(rawCategory);
  const subcategory = normalise(rawSubcategory);
  if (category === undefined || !has(taxonomy, category)) {
    const dropped = [
      category !== undefined
        ? `category ${quoted(rawCategory)} not in the taxonomy`
        : undefined,
      subcategory !== undefined
        ? `subcategory ${quoted(rawSubcategory)} dropped`
        : undefined,
    ].filter(Boolean);
    return {
      category: UNCATEGORISED,
      subcategory: null,
      ...(dropped.length
        ? { note: `${dropped.join(', ')}: ${UNCATEGORISED}` }
        : {}),
    };
  }
  if (subcategory === undefined) {
    return { category, subcategory: null };
  }
  if (taxonomy[category].includes(subcategory)) {
    return { category, subcategory };
  }
  return {
    category,
    subcategory: null,
    note: `subcategory ${quoted(
      rawSubcategory,
    )} not in the taxonomy under '${category}': no subcategory`,
  };
}
