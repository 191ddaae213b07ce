import { test, expect } from '@playwright/test';
import { demoUserToken } from './helpers';

const BACKEND = 'http://localhost:7007';

test('the "Request a change" software template submits a change for approval as the user who runs it', async ({
  request,
}) => {
  const token = await demoUserToken(request, 'daniel.kim');
  const headers = { Authorization: `Bearer ${token}` };
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const title = `Rotate the payout queue credentials ${Date.now()}`;

  const task = await request.post(`${BACKEND}/api/scaffolder/v2/tasks`, {
    headers,
    data: {
      templateRef: 'template:default/request-change',
      values: {
        entityRef: 'resource:default/payout-jobs-queue',
        type: 'normal',
        title,
        justification: 'The credentials are a year old.',
        plannedStart: `${day}T07:00:00Z`,
        plannedEnd: `${day}T07:30:00Z`,
        implementationPlan: 'Issue new credentials and roll the consumers.',
        backoutPlan: 'Re-enable the old credentials (kept for 24 hours).',
        testPlan: 'Watch the consumer lag for 15 minutes.',
        riskAnswers: {
          tested: 'yes',
          outage: 'no',
          backout: 'yes',
          implementers: 'one_person',
          failed_before: 'no',
          data_change: 'no',
        },
      },
    },
  });
  expect(task.status()).toBe(201);
  const { id } = await task.json();

  let status = '';
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `${BACKEND}/api/scaffolder/v2/tasks/${id}`,
          { headers },
        );
        status = (await res.json()).status;
        return status;
      },
      { timeout: 60_000 },
    )
    .toMatch(/completed|failed/);
  expect(status).toBe('completed');

  const changes = await request.get(
    `${BACKEND}/api/itsm/changes?entityRef=resource:default/payout-jobs-queue&q=${encodeURIComponent(
      title,
    )}`,
    { headers },
  );
  const [change] = (await changes.json()).items;
  expect(change).toMatchObject({
    title,
    type: 'normal',
    status: 'authorization',
    requester: 'user:default/daniel.kim',
  });
  expect(change.requiredApprovals.length).toBeGreaterThan(0);
});
