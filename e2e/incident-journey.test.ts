import { test, expect, Page } from '@playwright/test';
import { demoUserToken, screenshot, signInAs, signInAsGuest } from './helpers';

// Run by platform-team (the guest's team); the support engineer is in sre-team, which the demo
// permission policy lets work every incident.
const SERVICE = '/catalog/default/component/notification-service';
const SUPPORT_ENGINEER = 'jonas.weber';
const OUTSIDER = 'daniel.kim'; // payments-team: neither owner, assignee nor support

async function openIncidents(page: Page): Promise<number> {
  const text = await page
    .getByText(/Open incidents: \d+/)
    .first()
    .textContent();
  return Number(/(\d+)/.exec(text ?? '')![1]);
}

test('a developer reports an incident on a component and a support engineer works it to resolved', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000); // two people
  await signInAsGuest(page);

  // Report it from the component's Service management tab.
  await page.goto(`${SERVICE}/itsm`);
  const report = page.getByRole('button', { name: 'Report incident' }).first();
  await expect(report).toBeVisible();
  await expect(page.getByText(/Open incidents: \d+/).first()).toBeVisible();
  const openBefore = await openIncidents(page);

  await report.click();
  const dialog = page.getByRole('dialog');
  const title = `Push notifications arrive hours late ${Date.now()}`;
  await dialog.getByLabel(/Title/).fill(title);
  await dialog
    .getByLabel('Description')
    .fill('Android users get order updates **2–3 hours** late.');
  await dialog.getByLabel('Impact').selectOption('2');
  await dialog.getByLabel('Urgency').selectOption('2');
  await expect(dialog.getByText('P3 Moderate')).toBeVisible(); // the expected priority, live
  await screenshot(page, '10-report-incident');
  await dialog.getByRole('button', { name: 'Report incident' }).click();
  const created = page.getByRole('status').getByRole('link');
  await expect(created).toBeVisible();

  // The health card counts it, the table lists it.
  await expect.poll(() => openIncidents(page)).toBe(openBefore + 1);
  await expect(page.getByRole('cell', { name: title })).toBeVisible();
  await screenshot(page, '11-health-card-counts-it');

  const incidentPath = (await created.getAttribute('href'))!;
  const id = /INC-\d+/.exec(incidentPath)![0];

  // Somebody who neither runs the service nor supports it may read it, not work it.
  const outsider = {
    Authorization: `Bearer ${await demoUserToken(request, OUTSIDER)}`,
  };
  const read = await request.get(
    `http://localhost:7007/api/itsm/incidents/${id}`,
    { headers: outsider },
  );
  expect(read.status()).toBe(200);
  const refused = await request.post(
    `http://localhost:7007/api/itsm/incidents/${id}/transitions`,
    {
      headers: { ...outsider, 'If-Match': `"${(await read.json()).version}"` },
      data: { to: 'in_progress' },
    },
  );
  expect(refused.status()).toBe(403);

  // The support engineer works it on the incident page, in a browser of their own.
  const supportContext = await browser.newContext();
  const support = await supportContext.newPage();
  await signInAs(support, SUPPORT_ENGINEER);
  await support.goto(incidentPath);
  const actions = support.getByRole('toolbar', { name: 'Incident actions' });
  await expect(actions).toBeVisible();
  await expect(support.getByRole('heading', { name: title })).toBeVisible();

  await actions.getByRole('button', { name: 'Start work' }).click();
  await support
    .getByRole('dialog')
    .getByRole('button', { name: 'Start work' })
    .click();
  await expect(support.getByRole('dialog')).toBeHidden();
  await expect(support.getByText('In progress').first()).toBeVisible();
  await screenshot(support, '12-acknowledged');

  await actions.getByRole('button', { name: 'Put on hold' }).click();
  await support
    .getByRole('dialog')
    .getByLabel(/Reason/)
    .selectOption('awaiting_supplier');
  await support
    .getByRole('dialog')
    .getByRole('button', { name: 'Put on hold' })
    .click();
  await expect(support.getByRole('dialog')).toBeHidden();
  await expect(support.getByText('On hold').first()).toBeVisible();
  await expect(support.getByText(/paused/).first()).toBeVisible(); // the resolution clock stops counting
  await support
    .getByLabel('Work note')
    .fill('Opened a ticket with the push provider.');
  await support.getByRole('button', { name: 'Add work note' }).click();
  await expect(
    support.getByText('Opened a ticket with the push provider.'),
  ).toBeVisible();
  await screenshot(support, '13-on-hold');

  // Relate it to an earlier incident of the demo: the link is listed and in the history.
  const linkForm = support.getByRole('form', {
    name: /Link INC-\d+ to another record/,
  });
  await linkForm.getByLabel('Relation').selectOption('relates_to');
  await linkForm.getByLabel('Record id').fill('INC-1');
  await linkForm.getByRole('button', { name: 'Add link' }).click();
  await expect(
    support.getByRole('list', { name: /Links of INC-\d+/ }).getByText('INC-1'),
  ).toBeVisible();

  await actions.getByRole('button', { name: 'Resolve' }).click();
  const resolve = support.getByRole('dialog');
  await resolve
    .getByLabel('Resolution code')
    .selectOption('resolved_by_supplier');
  await resolve
    .getByLabel('Resolution notes')
    .fill('The provider fixed their Android gateway.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(support.getByRole('dialog')).toBeHidden();
  await expect(support.getByText('Resolved').first()).toBeVisible();

  // The history holds every step, made by the support engineer.
  await expect(
    support
      .getByRole('list', { name: 'History' })
      .getByRole('link', { name: 'Jonas Weber' })
      .first(),
  ).toBeVisible();
  for (const step of [
    'Created',
    'In progress',
    'On hold',
    'Work note',
    'Linked',
    'Resolved',
  ]) {
    await expect(support.getByText(step).first()).toBeVisible();
  }
  await screenshot(support, '14-resolved');
  await supportContext.close();

  // Back on the component the reporter sees it no longer counts as open.
  await page.goto(`${SERVICE}/itsm`);
  await expect.poll(() => openIncidents(page)).toBe(openBefore);
});
