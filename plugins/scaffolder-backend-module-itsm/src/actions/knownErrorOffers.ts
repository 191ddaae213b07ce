import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { KnownErrorMatch } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmApiClient } from '../client/ItsmApiClient';
import { recordUrl, truncate } from './inputs';

/** The most known errors offered for one incident (the server's default too). */
export const KNOWN_ERROR_LIMIT = 5;

/** `knownErrorMatchQuerySchema` accepts at most this much text. */
const MAX_MATCH_TEXT = 5000;

/**
 * The URL-encoded text is kept under this, so the request line stays well inside the limits of
 * Node (16 KB of headers) and of proxies in front of it (nginx: 8 KB lines), even for text that
 * encodes to several bytes a character.
 */
const MAX_ENCODED_TEXT = 6000;

/** How much of a workaround the task log shows. */
const LOGGED_WORKAROUND = 300;

/**
 * A known error offered for the incident, as remembered by the checkpoint (JSON) and logged.
 * A type, not an interface, so it is a JSON object for `ctx.checkpoint`.
 */
export type OfferedKnownError = {
  id: string;
  title: string;
  workaround: string;
  url: string;
  /** True when it is registered on an upstream dependency, not the incident's entity. */
  upstream: boolean;
  matchedEntityRef: string;
  reasons: string[];
};

/** The `knownErrors` output of the action. */
export function toOutput(offered: OfferedKnownError[]) {
  return offered.map(({ id, title, workaround, url, upstream }) => ({
    id,
    title,
    workaround,
    url,
    upstream,
  }));
}

/** What the matches are asked with: the title, a line break and the description, bounded. */
export function matchText(title: string, description?: string | null) {
  let text = truncate(
    description ? `${title}\n${description}` : title,
    MAX_MATCH_TEXT,
  );
  while (encodeURIComponent(text).length > MAX_ENCODED_TEXT) {
    text = truncate(text, Math.floor(text.length * 0.8));
  }
  return text;
}

/** Asks ITSM for the known errors matching an incident (raised or about to be). */
export async function findKnownErrors(options: {
  client: ItsmApiClient;
  credentials: BackstageCredentials;
  appBaseUrl: string;
  incident: {
    entityRef: string;
    title: string;
    description?: string | null;
    category?: string | null;
  };
}): Promise<OfferedKnownError[]> {
  const { client, credentials, appBaseUrl, incident } = options;
  const { items } = await client.matchKnownErrors({
    query: {
      entityRef: incident.entityRef,
      text: matchText(incident.title, incident.description),
      category: incident.category ?? undefined,
      limit: KNOWN_ERROR_LIMIT,
    },
    credentials,
  });
  return items.map(match => summarise(match, appBaseUrl));
}

function summarise(
  match: KnownErrorMatch,
  appBaseUrl: string,
): OfferedKnownError {
  const { knownError } = match;
  return {
    id: knownError.id,
    title: knownError.title,
    workaround: knownError.workaround,
    url: recordUrl(appBaseUrl, 'known-errors', knownError.id),
    upstream: match.upstream,
    matchedEntityRef: match.matchedEntityRef,
    reasons: match.reasons,
  };
}

/**
 * Records that each known error was offered to the incident. A failure is only a warning: the
 * match is still shown (the workaround is what helps the reporter; the count is bookkeeping).
 */
export async function recordOffers(options: {
  client: ItsmApiClient;
  credentials: BackstageCredentials;
  logger: LoggerService;
  incidentId: string;
  offered: OfferedKnownError[];
}): Promise<void> {
  const { client, credentials, logger, incidentId, offered } = options;
  // One after the other, best first: a handful of small requests, in a stable order.
  for (const knownError of offered) {
    try {
      await client.recordKnownErrorUse({
        id: knownError.id,
        incidentId,
        kind: 'offered',
        credentials,
      });
    } catch (error) {
      logger.warn(String(error));
    }
  }
}

/** One line of the task log: whitespace collapsed, cut to `max` characters. */
function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${truncate(line, max - 1).trimEnd()}…` : line;
}

/**
 * Shows the known errors in the task log, so the person running the template sees the
 * workarounds: a heading, then one line each with why it matched.
 */
export function logKnownErrors(
  logger: LoggerService,
  offered: OfferedKnownError[],
  subject: { incidentId?: string },
): void {
  const prefix = subject.incidentId ? '' : 'Dry run: ';
  const incident = subject.incidentId ?? 'the incident';
  if (offered.length === 0) {
    logger.info(`${prefix}No active known error matches ${incident}`);
    return;
  }
  logger.info(
    `${prefix}${offered.length} known error${offered.length === 1 ? '' : 's'} ${
      subject.incidentId ? 'match' : 'would be offered for'
    } ${incident}; a workaround may help right away:`,
  );
  for (const knownError of offered) {
    const where = knownError.upstream
      ? `via the upstream dependency ${knownError.matchedEntityRef}`
      : `on ${knownError.matchedEntityRef}`;
    logger.info(
      `${prefix}${knownError.id} "${oneLine(
        knownError.title,
        200,
      )}" matched on ${knownError.reasons.join(
        ', ',
      )} ${where}. Workaround: ${oneLine(
        knownError.workaround,
        LOGGED_WORKAROUND,
      )} (${knownError.url})`,
    );
  }
}
