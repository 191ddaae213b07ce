import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ItsmConfig } from '../../config';
import { LedgerStore } from '../service-levels/LedgerStore';
import { IncidentOperations, isChangedMeanwhile } from './IncidentOperations';
import { incidentId } from './incidentViews';

const DAY = 24 * 60 * 60_000;
const PAGE_SIZE = 100;

/** What one run did. */
export interface AutoCloseRunResult {
  closed: string[];
  /** Incidents that changed meanwhile (stale version or status) or failed to close. */
  skipped: string[];
}

/**
 * Closes resolved incidents `itsm.incidents.autoCloseDays` after their
 * resolution (DESIGN §3), except major ones, which close after their review.
 * A business write: the version goes up and history names `plugin:itsm`. An
 * incident that changed since it was read (412) or left `resolved` (409) is
 * skipped; the next run sees it afresh.
 */
export class IncidentAutoCloseJob {
  readonly #store: LedgerStore;
  readonly #incidents: IncidentOperations;
  readonly #auth: AuthService;
  readonly #config: ItsmConfig;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  static create(options: {
    store: LedgerStore;
    incidents: IncidentOperations;
    auth: AuthService;
    config: ItsmConfig;
    logger: LoggerService;
    now?: () => Date;
  }): IncidentAutoCloseJob {
    return new IncidentAutoCloseJob(options);
  }

  private constructor(
    options: Parameters<typeof IncidentAutoCloseJob.create>[0],
  ) {
    this.#store = options.store;
    this.#incidents = options.incidents;
    this.#auth = options.auth;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  async run(): Promise<AutoCloseRunResult> {
    const days = this.#config.incidents.autoCloseDays;
    const resolvedBefore = new Date(this.#now().getTime() - days * DAY);
    const credentials = await this.#auth.getOwnServiceCredentials();
    const result: AutoCloseRunResult = { closed: [], skipped: [] };

    let afterSeq = 0;
    for (;;) {
      const page = await this.#store.listAutoClosable({
        resolvedBefore,
        afterSeq,
        limit: PAGE_SIZE,
      });
      if (page.length === 0) {
        return result;
      }
      afterSeq = page[page.length - 1].seq;
      for (const { seq, version } of page) {
        const id = incidentId(seq);
        try {
          await this.#incidents.transition(
            id,
            {
              to: 'closed',
              comment: `Closed automatically ${days} days after resolution.`,
            },
            { credentials, expectedVersion: version },
          );
          result.closed.push(id);
        } catch (error) {
          result.skipped.push(id);
          if (!isChangedMeanwhile(error)) {
            this.#logger.warn(`Could not close ${id} automatically: ${error}`);
          }
        }
      }
    }
  }
}
