import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import type { RecordSignal } from '@backstage-itsm/plugin-itsm-common';

/**
 * What happens after a record write has committed: broadcast signals so open pages update live,
 * and notifications. Broadcast signals carry only what any signed-in user may learn: the record's
 * id and version ({@link RecordSignal}), on the record's channel and on its collection's channel;
 * everything else is read through the API, which checks permissions. Failures are logged; they never undo or
 * fail the write. Imports and tests build it without signals or notifications (quiet).
 */
export class RecordNotifier {
  readonly #signals?: SignalsService;
  readonly #notifications?: NotificationService;
  readonly #logger: LoggerService;

  constructor(options: {
    signals?: SignalsService;
    notifications?: NotificationService;
    logger: LoggerService;
  }) {
    this.#signals = options.signals;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
  }

  /**
   * Publishes `{ id, version }` on the record's own channel and on the collection's channel.
   */
  async changed(options: {
    record: RecordSignal;
    recordChannel: string;
    collectionChannel: string;
  }): Promise<void> {
    const signals = this.#signals;
    if (!signals) {
      return;
    }
    const message: RecordSignal = {
      id: options.record.id,
      version: options.record.version,
    };
    await this.safely(`publish signals for ${message.id}`, () =>
      Promise.all(
        [options.recordChannel, options.collectionChannel].map(channel =>
          signals.publish<RecordSignal>({
            recipients: { type: 'broadcast' },
            channel,
            message,
          }),
        ),
      ),
    );
  }

  /** Sends a notification (when the service is there), logging a failure. */
  async notify(
    what: string,
    recipients: NotificationSendOptions['recipients'],
    payload: NotificationPayload,
  ): Promise<void> {
    const notifications = this.#notifications;
    if (!notifications) {
      return;
    }
    await this.safely(what, () => notifications.send({ recipients, payload }));
  }

  /** Runs a side effect after a commit; a failure is logged, never thrown. */
  async safely(what: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.#logger.warn(`Could not ${what}: ${error}`);
    }
  }
}
