import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PLUGIN_SUBJECT } from '../../records/context';
import type { ComplaintsConfig } from '../../config';
import type { ComplaintRecord } from './ComplaintStore';
import type { KnexComplaintStore } from './KnexComplaintStore';
import type { ComplaintService } from './ComplaintService';
import { complaintLink } from './ComplaintService';
import { complaintRecordType } from './complaintRecordType';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 200;

/** What one run of the escalation did. */
export interface ComplaintEscalationResult {
  /** Ids of the complaints this run escalated. */
  escalated: string[];
  /** Notifications sent (escalations to nobody are recorded but not sent). */
  notified: number;
}

/**
 * Escalates complaints not resolved `escalationDays` after they were raised, once each: the
 * escalation group (or the service's owner) is notified and `escalatedAt` is set. An escalation
 * is a business write by `plugin:itsm` (a new version and a history event), made in the same
 * transaction as its ledger row, whose unique key lets one writer escalate a complaint however
 * many replicas run. A notification whose sending failed stays unsent in the ledger and is sent
 * again, under the same scope, by the plugin's ledger delivery.
 */
export class ComplaintEscalationJob {
  readonly #store: KnexComplaintStore;
  readonly #complaints: ComplaintService;
  readonly #notifications?: NotificationService;
  readonly #config: ComplaintsConfig;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexComplaintStore;
    complaints: ComplaintService;
    notifications?: NotificationService;
    config: ComplaintsConfig;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#complaints = options.complaints;
    this.#notifications = options.notifications;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  async run(): Promise<ComplaintEscalationResult> {
    const now = this.#now();
    const raisedBefore = new Date(
      now.getTime() - this.#config.escalationDays * DAY_MS,
    );
    const result: ComplaintEscalationResult = { escalated: [], notified: 0 };
    let afterSeq = 0;
    for (;;) {
      const page = await this.#store.listEscalatable({
        raisedBefore,
        afterSeq,
        limit: PAGE_SIZE,
      });
      for (const record of page) {
        const id = await this.#escalate(record, now, result);
        if (id) result.escalated.push(id);
      }
      if (page.length < PAGE_SIZE) break;
      afterSeq = page[page.length - 1].seq;
    }
    return result;
  }

  async #escalate(
    record: ComplaintRecord,
    now: Date,
    result: ComplaintEscalationResult,
  ): Promise<string | undefined> {
    const id = complaintRecordType.id(record.seq);
    const recipient = this.#config.escalationGroup ?? record.serviceOwnerRef;
    const recipients = recipient ? [recipient] : [];
    const days = this.#config.escalationDays;
    const scope = `itsm:complaint:${id}:escalation`;
    const payload: NotificationPayload = {
      title: `Escalated: complaint ${id} is not resolved after ${days} days`,
      description: `${record.title} (about ${record.entityRef}, ${
        record.status
      }, owner ${record.owner ?? 'none'})`,
      link: complaintLink(id),
      severity: 'high',
      topic: 'itsm-complaint-escalation',
      scope,
    };
    let escalated;
    try {
      escalated = await this.#store.escalateComplaint({
        seq: record.seq,
        expectedVersion: record.version,
        at: now,
        event: {
          at: now,
          actor: PLUGIN_SUBJECT,
          action: 'escalate',
          changes: { escalatedAt: [null, now.toISOString()] },
          comment: `Not resolved ${days} days after it was raised; escalated to ${
            recipient ?? 'nobody (the service has no owner)'
          }`,
        },
        notice: { scope, recipients, payload },
      });
    } catch (error) {
      // Written by someone else since it was read: the next run sees the new version.
      if ((error as Error).name === 'PreconditionFailedError') return undefined;
      throw error;
    }
    if (!escalated) return undefined;
    await this.#complaints.changed({
      id,
      version: escalated.record.version,
    });
    if (recipients.length === 0 || !this.#notifications) {
      // Nobody to tell (logged), or a quiet copy (imports) that sends nothing.
      if (recipients.length === 0) {
        this.#logger.warn(`Complaint ${id} escalated, but to nobody`);
      }
      await this.#store.markNotified(escalated.ledgerId, now);
      return id;
    }
    try {
      await this.#notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload,
      });
      await this.#store.markNotified(escalated.ledgerId, now);
      result.notified += 1;
    } catch (error) {
      // Left unsent in the ledger: the ledger delivery sends it again under the same scope.
      this.#logger.warn(`Could not notify escalation of ${id}: ${error}`);
    }
    return id;
  }
}
