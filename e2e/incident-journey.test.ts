import { test, expect, Page } from '@playwright/test';
import { screenshot, signInAsGuest } from './helpers';

const SERVICE = '/catalog/default/component/notification-service';

async function openIncidents(page: Page): Promise<number> {
  const text = await page
    .getByText(/Open incidents: \d+/)
    .first()
    .textContent();
  return Number(/(\d+)/.exec(text ?? '')![1]);
}

test('a developer reports an incident on a component and a support engineer works it to resolved', async ({
  page,
}) => {
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

  // Work it on the incident page.
  await created.click();
  const actions = page.getByRole('toolbar', { name: 'Incident actions' });
  await expect(actions).toBeVisible();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await actions.getByRole('button', { name: 'Start work' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Start work' })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('In progress').first()).toBeVisible();
  await screenshot(page, '12-acknowledged');

  await actions.getByRole('button', { name: 'Put on hold' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/Reason/)
    .selectOption('awaiting_supplier');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Put on hold' })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('On hold').first()).toBeVisible();
  await expect(page.getByText(/paused/).first()).toBeVisible(); // the resolution clock stops counting
  await page
    .getByLabel('Work note')
    .fill('Opened a ticket with the push provider.');
  await page.getByRole('button', { name: 'Add work note' }).click();
  await expect(
    page.getByText('Opened a ticket with the push provider.'),
  ).toBeVisible();
  await screenshot(page, '13-on-hold');

  // Relate it to an earlier incident of the demo: the link is listed and in the history.
  const linkForm = page.getByRole('form', {
    name: /Link INC-\d+ to another record/,
  });
  await linkForm.getByLabel('Relation').selectOption('relates_to');
  await linkForm.getByLabel('Record id').fill('INC-1');
  await linkForm.getByRole('button', { name: 'Add link' }).click();
  await expect(
    page.getByRole('list', { name: /Links of INC-\d+/ }).getByText('INC-1'),
  ).toBeVisible();

  await actions.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog');
  await resolve
    .getByLabel('Resolution code')
    .selectOption('resolved_by_supplier');
  await resolve
    .getByLabel('Resolution notes')
    .fill('The provider fixed their Android gateway.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('Resolved').first()).toBeVisible();

  // The history holds every step.
  for (const step of [
    'Created',
    'In progress',
    'On hold',
    'Work note',
    'Linked',
    'Resolved',
  ]) {
    await expect(page.getByText(step).first()).toBeVisible();
  }
  await screenshot(page, '14-resolved');

  // Back on the component the incident no longer counts as open.
  await page.goto(`${SERVICE}/itsm`);
  await expect.poll(() => openIncidents(page)).toBe(openBefore);
});
