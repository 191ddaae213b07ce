import { RecordNotifier } from '../../records/notifier';
import {
  CHANGES_SIGNAL_CHANNEL,
  Change,
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
  readonly #record: RecordNotifier;

  constructor(options: ConstructorParameters<typeof RecordNotifier>[0]) {
    this.#record = new RecordNotifier(options);
  }

  /** Publishes the signals of a write to `change`. */
  async changed(change: Pick<Change, 'id' | 'version'>) {
    await this.#record.changed({
      record: change,
      recordChannel: changeSignalChannel(change.id),
      collectionChannel: CHANGES_SIGNAL_CHANNEL,
    });
  }

  /**
   * Asks the eligible approvers (the members of the required groups, the
   * requester excluded) for a decision on the current plan revision.
   */
  async approvalNeeded(change: Change, options: { replanned: boolean }) {
    const groups = [...new Set(change.requiredApprovals.map(r => r.group))];
    if (groups.length === 0) {
      return;
    }
    await this.#record.notify(
      `ask for approval of ${change.id}`,
      {
        type: 'entity',
        entityRef: groups,
        excludeEntityRef: change.requester,
      },
      {
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
    );
  }

  /** Tells the requester that their change was approved or rejected. */
  async decided(change: Change, options: { actor: string }) {
    if (change.requester === options.actor) {
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
    await this.#record.notify(
      `tell ${change.requester} about ${change.id}`,
      { type: 'entity', entityRef: change.requester },
      {
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
    );
  }
}
