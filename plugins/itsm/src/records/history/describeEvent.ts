import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import { humanizeCode } from '../../components/shared/format';

/** One changed field in words. */
export interface ChangeLine {
  field: string;
  text: string;
}

/** The colour of an event's dot on the timeline. */
export type HistoryTone = 'primary' | 'secondary' | 'grey';

/**
 * The words a practice contributes for its records' history: labels of its actions and
 * fields, which fields hold instants or codes, its own value formats and events it reads
 * as sentences. The kit knows only what every record has.
 */
export interface HistoryLabels {
  /** `work_note` → `Work note`. */
  actions?: Readonly<Record<string, string>>;
  /** `assignmentGroup` → `assignment group`. */
  fields?: Readonly<Record<string, string>>;
  /** Fields holding an instant, shown in the browser's locale. */
  instantFields?: readonly string[];
  /** Fields holding a code, shown as words. */
  codeFields?: readonly string[];
  /** Dot colours of actions that stand out (default `primary`). */
  tones?: Readonly<Record<string, HistoryTone>>;
  /** A value in the practice's own words; `undefined` leaves it to the generic rules. */
  formatValue?: (field: string, value: unknown) => string | undefined;
  /** An event read as the practice's own lines (a vote); `undefined` reads it field by field. */
  describe?: (event: HistoryEvent) => ChangeLine[] | undefined;
}

/** What every record's history says, whatever its practice. */
const COMMON_ACTIONS: Record<string, string> = {
  create: 'Created',
  created: 'Created',
  update: 'Updated',
  updated: 'Updated',
  transition: 'Status changed',
};

/** `[from, to]`, or `[undefined, value]` for a bare value. */
export const pairOf = (pair: unknown): [unknown, unknown] =>
  Array.isArray(pair) ? [pair[0], pair[1]] : [undefined, pair];

/** Reads history events with the labels of one or more practices (the first that knows wins). */
export interface EventDescriber {
  actionLabel(action: string): string;
  actionTone(action: string): HistoryTone;
  fieldLabel(field: string): string;
  formatFieldValue(field: string, value: unknown): string;
  changeLines(event: HistoryEvent): ChangeLine[];
}

/** An {@link EventDescriber} over the contributed labels. */
export function describeEvents(
  contributions: readonly HistoryLabels[],
): EventDescriber {
  const actions: Record<string, string> = Object.assign(
    {},
    COMMON_ACTIONS,
    ...contributions.map(c => c.actions ?? {}).reverse(),
  );
  const fields: Record<string, string> = Object.assign(
    {},
    ...contributions.map(c => c.fields ?? {}).reverse(),
  );
  const tones: Record<string, HistoryTone> = Object.assign(
    {},
    ...contributions.map(c => c.tones ?? {}).reverse(),
  );
  const instants = new Set(contributions.flatMap(c => c.instantFields ?? []));
  const codes = new Set(contributions.flatMap(c => c.codeFields ?? []));

  const actionLabel = (action: string) =>
    actions[action] ?? humanizeCode(action);

  const fieldLabel = (field: string) =>
    fields[field] ??
    field.replace(/([a-z])([A-Z])/g, '$1 $2').toLocaleLowerCase('en-US');

  const formatFieldValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') {
      return '—';
    }
    for (const contribution of contributions) {
      const text = contribution.formatValue?.(field, value);
      if (text !== undefined) {
        return text;
      }
    }
    if (
      instants.has(field) &&
      typeof value === 'string' &&
      !Number.isNaN(Date.parse(value))
    ) {
      return new Date(value).toLocaleString();
    }
    if ((codes.has(field) || field === 'status') && typeof value === 'string') {
      return humanizeCode(value);
    }
    if (typeof value === 'boolean') {
      return value ? 'yes' : 'no';
    }
    if (Array.isArray(value)) {
      return value.length
        ? value.map(v => formatFieldValue('', v)).join(', ')
        : '—';
    }
    if (typeof value === 'object') {
      // A review (incident or change) reads as its summary.
      const summary = (value as { summary?: unknown }).summary;
      return typeof summary === 'string' ? summary : JSON.stringify(value);
    }
    return String(value);
  };

  /**
   * The changes of an event as lines, skipping fields that stayed empty. On creation every
   * field appears as `[null, value]`, so those read `field: value`.
   */
  const changeLines = (event: HistoryEvent): ChangeLine[] => {
    for (const contribution of contributions) {
      const lines = contribution.describe?.(event);
      if (lines) {
        return lines;
      }
    }
    const creation = event.action === 'create' || event.action === 'created';
    return Object.entries(event.changes ?? {}).flatMap(([field, pair]) => {
      const [from, to] = pairOf(pair);
      const fromText = formatFieldValue(field, from);
      const toText = formatFieldValue(field, to);
      if (fromText === '—' && toText === '—') {
        return [];
      }
      const label = fieldLabel(field);
      return [
        {
          field,
          text: creation
            ? `${label}: ${toText}`
            : `${label}: ${fromText} → ${toText}`,
        },
      ];
    });
  };

  return {
    actionLabel,
    actionTone: action => tones[action] ?? 'primary',
    fieldLabel,
    formatFieldValue,
    changeLines,
  };
}
