import { createHash } from 'node:crypto';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  Improvement,
  ImprovementCreateRequest,
} from '@backstage-itsm/plugin-itsm-common';
import type { RequestContext } from '../../../records/context';
import type { ItsmServiceDeps, ItsmServices } from '../../../services';

/** What the suggester writes through: the practice's `services.improvements.propose`. */
export interface ImprovementProposer {
  /** Proposes an item once per `sourceKey`: null when the key was proposed before. */
  propose(
    input: ImprovementCreateRequest,
    sourceKey: string,
  ): Promise<Improvement | null>;
}

/** An item one rule would propose, and the key that makes it once. */
export interface Suggestion {
  sourceKey: string;
  input: ImprovementCreateRequest;
}

/** What a rule looked at and what it would propose. */
export interface RuleResult {
  considered: number;
  suggestions: Suggestion[];
}

/** What every rule gets: the services, the instant of the run, and the plugin's context. */
export interface RuleContext {
  services: ItsmServices;
  deps: ItsmServiceDeps;
  now: Date;
  /** The plugin's own credentials: suggestions are the system's. */
  ctx: RequestContext;
  logger: LoggerService;
}

/** The longest source key the register stores. */
export const MAX_SOURCE_KEY_LENGTH = 255;

/**
 * A source key from its parts, joined by `|`: readable when it fits, else its first 200
 * characters and a hash of the whole (a long signature or entity ref), so it stays unique.
 */
export function sourceKey(...parts: Array<string | number>): string {
  const key = parts.join('|');
  if (key.length <= MAX_SOURCE_KEY_LENGTH) return key;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `${key.slice(0, 200)}…#${hash}`;
}

/** Days in the period a suggestion's key names: at most one per subject and period. */
export const SUGGESTION_PERIOD_DAYS = 28;
const DAY_MS = 86_400_000;

/**
 * The `SUGGESTION_PERIOD_DAYS`-day period, aligned on the Unix epoch, that holds `at`, as
 * its first day `YYYY-MM-DD`: every instance computes the same for the same event.
 */
export function periodOf(at: Date | string): string {
  const length = SUGGESTION_PERIOD_DAYS * DAY_MS;
  const start = Math.floor(new Date(at).getTime() / length) * length;
  return new Date(start).toISOString().slice(0, 10);
}

/** The last whole calendar month (UTC, as the portal's reports) before `now`. */
export function lastFullMonth(now: Date): {
  from: Date;
  to: Date;
  label: string;
} {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  return { from, to, label: from.toISOString().slice(0, 7) };
}

/** `component:default/payments` → `payments`. */
export function shortRef(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** A percentage as shown in a description: at most one decimal. */
export function pct(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/** A target duration: hours, or minutes below one. */
export function duration(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 1 ? `${+h.toFixed(2)} h` : `${Math.round(ms / 60_000)} min`;
}

/** The closing line of every suggested item. */
export const PROPOSED_BY =
  'Proposed by the improvement suggestions job. Approve it to act on it, or reject it with the reason.';

/** Paragraphs of Markdown, the empty ones left out. */
export function paragraphs(
  ...parts: Array<string | false | null | undefined>
): string {
  return parts.filter(Boolean).join('\n\n');
}
