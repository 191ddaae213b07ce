import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  INCIDENTS_SIGNAL_CHANNEL,
  Incident,
  IncidentSignal,
  IncidentsSignal,
  incidentSignalChannel,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What happens after a write has committed: signals so open pages update live,
 * notifications to whoever the incident was just assigned to. Failures are
 * logged; they never undo or fail the write.
 */
export class IncidentNotifier {
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

  /** Publishes the signals of a write to `incident`. */
  async changed(incident: Pick<Incident, 'id' | 'version' | 'entityRef'>) {
    const signals = this.#signals;
    if (!signals) {
      return;
    }
    await this.#safely(`publish signals for ${incident.id}`, () =>
      Promise.all([
        signals.publish<IncidentSignal>({
          recipients: { type: 'broadcast' },
          channel: incidentSignalChannel(incident.id),
          message: { id: incident.id, version: incident.version },
        }),
        signals.publish<IncidentsSignal>({
          recipients: { type: 'broadcast' },
          channel: INCIDENTS_SIGNAL_CHANNEL,
          message: { id: incident.id, entityRef: incident.entityRef },
        }),
      ]),
    );
  }

  /**
   * Tells the new assignee (a user, else the new assignment group) that the
   * incident is theirs, unless they assigned it to themselves.
   */
  async assigned(options: {
    incident: Pick<Incident, 'id' | 'title' | 'priority'>;
    assignee: string | null;
    assignmentGroup: string | null;
    actor: string;
  }) {
    const { incident, actor } = options;
    const recipient = options.assignee ?? options.assignmentGroup;
    const notifications = this.#notifications;
    if (!notifications || !recipient || recipient === actor) {
      return;
    }
    await this.#safely(`notify ${recipient} of ${incident.id}`, () =>
      notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipient,
          excludeEntityRef: actor,
        },
        payload: {
          title: `${incident.id} assigned to ${
            options.assignee ? 'you' : 'your group'
          }: ${incident.title}`,
          description: `P${incident.priority} incident`,
          link: `/itsm/incidents/${incident.id}`,
          severity: incident.priority <= 2 ? 'high' : 'normal',
          topic: 'itsm:incident:assignment',
          scope: `itsm:incident:${incident.id}:assignment`,
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
