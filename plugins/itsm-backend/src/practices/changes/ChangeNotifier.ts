import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  CHANGES_SIGNAL_CHANNEL,
  Change,
  ChangeSignal,
  ChangesSignal,
  changeSignalChannel,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What happens after a change write has committed: signals so open pages
 * update live, notifications to the approvers when a decision is needed and
 * to the requester when it is made. Each notification has a scope per change,
 * so a re-send updates the earlier one instead of adding another. Failures are
 * logged; they never undo or fail the write.
 */
export class ChangeNotifier {
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

  /** Publishes the signals of a write to `change`. */
  async changed(
    change: Pick<Change, 'id' | 'version' | 'status' | 'entityRefs'>,
  ) {
    const signals = this.#signals;
    if (!signals) {
      return;
    }
    await this.#safely(`publish signals for ${change.id}`, () =>
      Promise.all([
        signals.publish<ChangeSignal>({
          recipients: { type: 'broadcast' },
          channel: changeSignalChannel(change.id),
          message: { id: change.id, version: change.version },
        }),
        signals.publish<ChangesSignal>({
          recipients: { type: 'broadcast' },
          channel: CHANGES_SIGNAL_CHANNEL,
          message: {
            id: change.id,
            status: change.status,
            entityRefs: change.entityRefs,
          },
        }),
      ]),
    );
  }

  /**
   * Asks the eligible approvers (the members of the required groups, the
   * requester excluded) for a decision on the current plan revision.
   */
  async approvalNeeded(change: Change, options: { replanned: boolean }) {
    const notifications = this.#notifications;
    const groups = [...new Set(change.requiredApprovals.map(r => r.group))];
    if (!notifications || groups.length === 0) {
      return;
    }
    await this.#safely(`ask for approval of ${change.id}`, () =>
      notifications.send({
        recipients: {
          type: 'entity',
          entityRef: groups,
          excludeEntityRef: change.requester,
        },
        payload: {
          title: `${change.id} ${
            options.replanned ? 'was replanned and needs' : 'needs'
          } your decision: ${change.title}`,
          description: `${change.type} change, ${
            change.risk ?? 'unassessed'
          } risk, plan revision ${change.planRevision}${
            change.plannedStart ? `, planned from ${change.plannedStart}` : ''
          }`,
          link: `/itsm/changes/${change.id}`,
          severity: change.type === 'emergency' ? 'high' : 'normal',
          topic: 'itsm:change:approval',
          scope: `itsm:change:${change.id}:approval`,
        },
      }),
    );
  }

  /** Tells the requester that their change was approved or rejected. */
  async decided(change: Change, options: { actor: string }) {
    const notifications = this.#notifications;
    if (!notifications || change.requester === options.actor) {
      return;
    }
    const approved = change.status === 'scheduled';
    const rejection = change.approvals.find(
      a =>
        a.decision === 'reject' &&
        a.planRevision === change.planRevision &&
        a.approver.toLocaleLowerCase('en-US') ===
          options.actor.toLocaleLowerCase('en-US'),
    );
    const by = options.actor.slice(options.actor.lastIndexOf('/') + 1);
    await this.#safely(`tell ${change.requester} about ${change.id}`, () =>
      notifications.send({
        recipients: { type: 'entity', entityRef: change.requester },
        payload: {
          title: `${change.id} was ${approved ? 'approved' : 'rejected'}: ${
            change.title
          }`,
          description: approved
            ? 'Every required approval is in; the change is scheduled.'
            : `Rejected by ${by}${
                rejection?.comment ? `: ${rejection.comment}` : '.'
              }`,
          link: `/itsm/changes/${change.id}`,
          severity: approved ? 'normal' : 'high',
          topic: 'itsm:change:decision',
          scope: `itsm:change:${change.id}:decision`,
        },
      }),
    );
  }

  async #safely(what: string, fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      this.#logger.warn(`Could not ${what}: ${error}`);
    }
  }
}
