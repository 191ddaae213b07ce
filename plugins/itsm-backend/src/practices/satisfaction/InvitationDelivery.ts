import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { RecordNotifier } from '../../records/notifier';
import type { KnexSatisfactionStore } from './KnexSatisfactionStore';
import type { InvitationRecord } from './SatisfactionStore';

/** An invitation not marked as sent this long after its claim is sent again. */
export const INVITATION_RESEND_AFTER_MS = 15 * 60_000;
const RESEND_PAGE_SIZE = 500;

/**
 * Sends the invitations the store recorded (the practice's notification ledger): the inserter
 * of a row sends it and marks it sent; a row whose sender failed or died is taken over after
 * {@link INVITATION_RESEND_AFTER_MS} and sent again under the same scope, so the notifications
 * backend updates the notification instead of adding a second one. Quiet copies (imports) have
 * no notification service: they mark what they record as sent without sending it.
 */
export class InvitationDelivery {
  readonly #store: KnexSatisfactionStore;
  readonly #notifications?: NotificationService;
  readonly #notifier: RecordNotifier;

  constructor(options: {
    store: KnexSatisfactionStore;
    notifications?: NotificationService;
    notifier: RecordNotifier;
  }) {
    this.#store = options.store;
    this.#notifications = options.notifications;
    this.#notifier = options.notifier;
  }

  /** Sends invitations (one notification per scope and payload) and marks them sent. */
  async send(invitations: InvitationRecord[], now: Date): Promise<void> {
    const notifications = this.#notifications;
    if (!notifications) {
      await this.#store.markNotified(
        invitations.map(i => i.seq),
        now,
      );
      return;
    }
    const batches = new Map<string, InvitationRecord[]>();
    for (const invitation of invitations) {
      const key = `${invitation.scope}\n${JSON.stringify(invitation.payload)}`;
      batches.set(key, [...(batches.get(key) ?? []), invitation]);
    }
    for (const batch of batches.values()) {
      // A failure leaves the rows unsent: a later run sends them again under the same scope.
      await this.#notifier.safely(
        `send the survey invitation ${batch[0].scope}`,
        async () => {
          await notifications.send({
            recipients: {
              type: 'entity',
              entityRef: batch.map(i => i.invitee),
            },
            payload: batch[0].payload,
          });
          await this.#store.markNotified(
            batch.map(i => i.seq),
            now,
          );
        },
      );
    }
  }

  /** Takes over stale unsent invitations and sends them; how many were taken over. */
  async resendStale(now: Date): Promise<number> {
    const unsent = await this.#store.claimUnsent({
      claimedBefore: new Date(now.getTime() - INVITATION_RESEND_AFTER_MS),
      now,
      limit: RESEND_PAGE_SIZE,
    });
    await this.send(unsent, now);
    return unsent.length;
  }
}
