import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Complaint } from '@backstage-itsm/plugin-itsm-common';
import type { ItsmImportContext } from '@backstage-itsm/plugin-itsm-node';
import { MERCHANT_CUSTOMER, user } from './demoOrg';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PAYMENTS = 'component:default/payments-service';
const NOTIFICATIONS = 'component:default/notification-service';

/**
 * Complaints on the demo catalog, written through the plugin's rules at their original times:
 *
 * - the merchants' success manager complains that cards were charged twice during a payments
 *   incident: raised three days ago, under investigation by a payments engineer and linked
 *   to the incident (the escalation job escalates it once it is five days old);
 * - a checkout engineer complained that order confirmations arrived hours late: answered by
 *   the platform team with what they changed, sent back once because the first answer was
 *   not enough, answered again and accepted (closed) by the complainant.
 */
export async function seedDemoComplaints(
  context: ItsmImportContext,
  options: { now: Date; logger: LoggerService },
): Promise<{ chargedTwiceId?: string }> {
  if (!context.complaints) {
    options.logger.warn('ITSM demo data: this plugin has no complaints');
    return {};
  }
  const end = options.now.getTime();
  let clock = end;
  const at = (time: number) => {
    clock = time;
  };
  const now = () => new Date(clock);
  const complaints = context.complaints({ now });
  const incidents = context.incidents({ now });
  const move = async (
    time: number,
    complaint: Complaint,
    actor: string,
    to: Complaint['status'],
    fields: { owner?: string; response?: string; comment?: string } = {},
  ) => {
    at(time);
    return complaints.transition(complaint.id, { to, ...fields }, actor);
  };

  // 1. Payments: charged twice during an incident, under investigation, linked to it.
  const daniel = user('daniel.kim');
  const raisedAt = end - 3 * DAY - 5 * HOUR;
  at(raisedAt - 2 * HOUR);
  const incident = await incidents.create(
    {
      title: 'Card payments retried twice after processor timeouts',
      description:
        'Retries after a processor timeout were not idempotent: some cards were charged twice.',
      entityRef: PAYMENTS,
      impact: 2,
      urgency: 1,
      category: 'functional',
      subcategory: 'defect',
    },
    user('mehmet.yilmaz'),
  );
  at(raisedAt - HOUR);
  await incidents.transition(incident.id, { to: 'in_progress' }, daniel);
  at(raisedAt - 30 * 60_000);
  await incidents.transition(
    incident.id,
    {
      to: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes:
        'Retries carry an idempotency key again; duplicate charges are being reversed.',
    },
    daniel,
  );
  at(raisedAt);
  const charged = await complaints.create(
    {
      title: 'Our customers were charged twice for one order',
      description:
        'Since yesterday afternoon about 40 of our customers were charged twice. ' +
        'They call **us**, and we cannot tell them when the money comes back.',
      entityRef: PAYMENTS,
      channel: 'email',
      category: 'billing',
    },
    user(MERCHANT_CUSTOMER),
  );
  await move(raisedAt + 2 * HOUR, charged, daniel, 'investigating', {
    owner: daniel,
  });
  await complaints.link(
    charged.id,
    {
      to: incident.id,
      relation: 'relates_to',
      note: 'The retries that charged the cards twice',
    },
    daniel,
  );

  // 2. Notifications: late confirmations, answered twice and accepted.
  const emma = user('emma.schulz');
  const priya = user('priya.sharma');
  const lateAt = end - 40 * DAY + 10 * HOUR;
  at(lateAt);
  let late = await complaints.create(
    {
      title: 'Order confirmation emails arrive hours late',
      description:
        'Shoppers get their confirmation up to four hours after paying and open support tickets.',
      entityRef: NOTIFICATIONS,
      channel: 'portal',
      category: 'delays',
    },
    emma,
  );
  late = await move(lateAt + DAY, late, priya, 'investigating', {
    owner: priya,
  });
  late = await move(lateAt + 3 * DAY, late, priya, 'resolved', {
    response:
      'The mail queue was drained by one worker only. We added two workers.',
  });
  late = await move(lateAt + 4 * DAY, late, emma, 'investigating', {
    comment: 'Still up to an hour late in the evening peak.',
  });
  late = await move(lateAt + 6 * DAY, late, priya, 'resolved', {
    response:
      'The workers now scale with the queue length, and confirmations have their own ' +
      'priority queue: the evening peak delay is under a minute.',
  });
  await move(lateAt + 7 * DAY, late, emma, 'closed');
  options.logger.info(
    `ITSM demo data: complaints ${charged.id} and ${late.id} written`,
  );
  return { chargedTwiceId: charged.id };
}
