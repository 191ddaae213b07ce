import { RecordNotifier } from '../../records/notifier';
import {
  INCIDENTS_SIGNAL_CHANNEL,
  Incident,
  incidentSignalChannel,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * What happens after a write has committed: signals so open pages update live,
 * notifications to whoever the incident was just assigned to. Failures are
 * logged; they never undo or fail the write.
 */
export class IncidentNotifier {
  readonly #record: RecordNotifier;

  constructor(options: ConstructorParameters<typeof RecordNotifier>[0]) {
    this.#record = new RecordNotifier(options);
  }

  /** Publishes the signals of a write to `incident`. */
  async changed(incident: Pick<Incident, 'id' | 'version'>) {
    await this.#record.changed({
      record: incident,
      recordChannel: incidentSignalChannel(incident.id),
      collectionChannel: INCIDENTS_SIGNAL_CHANNEL,
    });
  }

  /**
   * Tells the reporter (a person) that their incident is resolved, unless they resolved it
   * themselves. The scope is the incident's, so a later resolution updates the notification
   * instead of adding one; an invitation to rate the resolution takes the same scope.
   */
  async resolved(incident: {
    id: string;
    title: string;
    reporter: string;
    actor: string;
  }) {
    const reporter = incident.reporter.toLocaleLowerCase('en-US');
    if (
      !reporter.startsWith('user:') ||
      reporter === incident.actor.toLocaleLowerCase('en-US')
    ) {
      return;
    }
    await this.#record.notify(
      `notify ${reporter} that ${incident.id} is resolved`,
      { type: 'entity', entityRef: reporter },
      {
        title: `${incident.id} resolved: ${incident.title}`,
        description: 'The incident you reported is resolved.',
        link: `/itsm/incidents/${incident.id}`,
        severity: 'normal',
        topic: 'itsm:incident:resolved',
        scope: `itsm:incident:${incident.id}:resolved`,
      },
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
    if (!recipient || recipient === actor) {
      return;
    }
    await this.#record.notify(
      `notify ${recipient} of ${incident.id}`,
      { type: 'entity', entityRef: recipient, excludeEntityRef: actor },
      {
        title: `${incident.id} assigned to ${
          options.assignee ? 'you' : 'your group'
        }: ${incident.title}`,
        description: `P${incident.priority} incident`,
        link: `/itsm/incidents/${incident.id}`,
        severity: incident.priority <= 2 ? 'high' : 'normal',
        topic: 'itsm:incident:assignment',
        scope: `itsm:incident:${incident.id}:assignment`,
      },
    );
  }
}
