import type {
  ContributingFactor,
  RcaEntry,
  RcaMethod,
} from '@backstage-itsm/plugin-itsm-common';

/** The five whys as five rows, `Why 1` … `Why 5`, filled from the stored notes. */
export function fiveWhyRows(notes: readonly RcaEntry[]): RcaEntry[] {
  return [1, 2, 3, 4, 5].map(n => {
    const label = `Why ${n}`;
    return notes.find(note => note.label === label) ?? { label, text: '' };
  });
}

/** One editable row of an analysis; `key` keeps React's rows stable while editing. */
export interface RcaRow extends RcaEntry {
  key: number;
}

let nextKey = 1;

/** A new, empty row. */
export function newRow(entry: Partial<RcaEntry> = {}): RcaRow {
  nextKey += 1;
  return { key: nextKey, label: '', text: '', ...entry };
}

/** The rows a method edits, from the stored notes. */
export function rowsFor(
  method: RcaMethod | null,
  notes: readonly RcaEntry[],
): RcaRow[] {
  if (method === 'five_whys') {
    return fiveWhyRows(notes).map(entry => newRow(entry));
  }
  return notes.map(entry => newRow(entry));
}

/**
 * The notes a method's rows store: empty rows dropped (a why without an answer, a cause
 * without a name), and only the fields the method uses.
 */
export function notesOf(method: RcaMethod | null, rows: RcaRow[]): RcaEntry[] {
  const entries: RcaEntry[] = [];
  for (const row of rows) {
    const label = row.label.trim();
    const text = row.text;
    if (!label || (method === 'five_whys' && !text.trim())) continue;
    const entry: RcaEntry = { label, text };
    if (method === 'timeline' && row.at) entry.at = row.at;
    if (method === 'fault_tree' && row.parent?.trim()) {
      entry.parent = row.parent.trim();
    }
    if (method === 'fishbone' && row.factor) entry.factor = row.factor;
    entries.push(entry);
  }
  return entries;
}

/** Fishbone causes grouped by their contributing factor, in the factors' order. */
export function byFactor<T extends { factor?: ContributingFactor }>(
  rows: readonly T[],
  factors: readonly ContributingFactor[],
): Array<{ factor: ContributingFactor; rows: T[] }> {
  return factors.map(factor => ({
    factor,
    rows: rows.filter(row => row.factor === factor),
  }));
}

/** Timeline entries in time order (those without an instant last). */
export function inTimeOrder<T extends { at?: string }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) =>
    (a.at ?? '\uffff').localeCompare(b.at ?? '\uffff'),
  );
}
