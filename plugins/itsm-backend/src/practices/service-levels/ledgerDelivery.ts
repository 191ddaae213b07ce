import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import type { LedgerEntry, LedgerStore } from './LedgerStore';

/** A ledger row not marked as sent this long after its claim is sent again. */
export const RESEND_AFTER_MS = 15 * 60_000;
const RESEND_PAGE_SIZE = 200;

/**
 * Sends what the notification ledger recorded (escalations, SLA warnings and breaches): the
 * inserter of a row sends it and marks it sent; a row whose sender failed or died is taken over
 * after `RESEND_AFTER_MS` and sent again under the same scope, so the notifications backend
 * updates the notification instead of adding a second one.
 */
export class LedgerDelivery {
  readonly #store: LedgerStore;
  readonly #notifications: NotificationService;
  readonly #logger: LoggerService;

  constructor(options: {
    store: LedgerStore;
    notifications: NotificationService;
    logger: LoggerService;
  }) {
    this.#store = options.store;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
  }

  /** Sends an entry and marks it sent; true when a notification went out. */
  async send(entry: LedgerEntry, now: Date): Promise<boolean> {
    try {
      if (entry.recipients.length) {
        await this.#notifications.send({
          recipients: { type: 'entity', entityRef: entry.recipients },
          payload: entry.payload,
        });
      }
      await this.#store.markNotified({ id: entry.id, at: now });
      return entry.recipients.length > 0;
    } catch (error) {
      // Left unsent: a later run sends it again under the same scope.
      this.#logger.warn(
        `Could not notify ${entry.scope}; will retry: ${error}`,
      );
      return false;
    }
  }

  /** Marks an entry delivered without sending it (old news nobody should be paged for). */
  async markQuietly(entry: LedgerEntry, now: Date): Promise<void> {
    await this.#store.markNotified({ id: entry.id, at: now });
  }

  /** Takes over stale unsent entries and sends them; the number of notifications sent. */
  async resendStale(now: Date): Promise<number> {
    const unsent = await this.#store.claimUnsent({
      claimedBefore: new Date(now.getTime() - RESEND_AFTER_MS),
      now,
      limit: RESEND_PAGE_SIZE,
    });
    let sent = 0;
    for (const entry of unsent) {
      if (await this.send(entry, now)) {
        sent++;
      }
    }
    return sent;
  }
}
