import { test, expect, Page } from '@playwright/test';
import { screenshot, signInAs } from './helpers';

// A tier-3 service with few dependents: a routine change on it is low risk, so one change
// manager decides (DESIGN §3 default policy).
const SERVICE = '/catalog/default/component/risk-case-manager';
const REQUESTER = 'priya.sharma'; // developer, platform-team
const APPROVER = 'marcus.reed'; // change manager, CAB and ECAB member

/** `YYYY-MM-DDTHH:mm` in the browser's (and this process's) local time. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function localDay(date: Date): string {
  return localInput(date).slice(0, 10);
}

async function status(page: Page) {
  return page.getByTestId('itsm-change-status');
}

test('a developer requests a change, a CAB member approves it, it is implemented, reviewed and closed', async ({
  browser,
}) => {
  test.setTimeout(240_000); // two people, a dozen screens
  // Two people, two browser contexts: the requester and the approver.
  const requesterContext = await browser.newContext();
  const approverContext = await browser.newContext();
  const page = await requesterContext.newPage();
  const approver = await approverContext.newPage();

  await signInAs(page, REQUESTER);
  await page.goto(`${SERVICE}/changes`);
  await page.getByRole('button', { name: 'Request a change' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Request a change' });
  await expect(dialog).toBeVisible();

  // The window starts now, so the implementation below falls inside it.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const end = new Date(start.getTime() + 2 * 3_600_000);
  const title = `Raise the case export page size to 500 ${Date.now()}`;
  await dialog.locator('#itsm-change-title').fill(title);
  await dialog
    .locator('#itsm-change-justification')
    .fill('Analysts export a whole week of cases at once.');
  await dialog.locator('#itsm-change-planned-start').fill(localInput(start));
  await dialog.locator('#itsm-change-planned-end').fill(localInput(end));
  await dialog
    .locator('#itsm-change-implementationPlan')
    .fill('Set `EXPORT_PAGE_SIZE=500` and roll the pods.');
  await dialog
    .locator('#itsm-change-backoutPlan')
    .fill('Set the previous value back and roll the pods (5 minutes).');
  await dialog
    .locator('#itsm-change-testPlan')
    .fill('Export one week of cases in staging and in production.');
  // The lowest-weight answer of every risk question.
  const questions = dialog
    .getByRole('group', { name: 'Risk questionnaire' })
    .getByRole('radiogroup');
  const count = await questions.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await questions.nth(i).getByRole('radio').first().check();
  }

  // Before submitting: the risk with its reasons, and who will have to approve.
  const preview = dialog.getByTestId('itsm-change-preview');
  await expect(preview.getByText('Low risk', { exact: true })).toBeVisible();
  await expect(
    preview.getByRole('region', { name: 'Approvals needed' }),
  ).toContainText(/change.managers/i);
  await screenshot(page, '20-request-change');

  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page).toHaveURL(/\/itsm\/changes\/CHG-\d+$/);
  const id = /CHG-\d+/.exec(page.url())![0];
  await expect(await status(page)).toContainText(/authori[sz]ation/i);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await screenshot(page, '21-change-awaits-approval');

  // The requester cannot approve their own change: no decision for them here.
  await expect(
    page.getByRole('button', { name: 'Approve', exact: true }),
  ).toHaveCount(0);

  // The change manager finds it in Approvals and approves it.
  await signInAs(approver, APPROVER);
  await approver.getByRole('link', { name: 'Approvals' }).first().click();
  const decide = approver.getByRole('group', { name: `Decide on ${id}` });
  await expect(decide).toBeVisible();
  await decide
    .getByLabel('Comment')
    .fill('Routine, low risk; go ahead in the window.');
  await screenshot(approver, '22-approvals-page');
  await decide.getByRole('button', { name: 'Approve' }).click();
  await expect(
    approver.getByText(`Your decision on ${id} is recorded`),
  ).toBeVisible();

  // Everyone sees it on the change calendar.
  await approver.goto(
    `/itsm/change-calendar?date=${localDay(start)}&view=week`,
  );
  const onCalendar = approver.locator(`a[data-change-id="${id}"]`).first();
  await expect(onCalendar).toBeVisible();
  await expect(
    approver.locator(`[data-date="${localDay(start)}"]`),
  ).toContainText(id);
  await screenshot(approver, '23-change-calendar');

  // The requester implements it inside the approved window, records the outcome and closes it.
  await page.reload();
  await expect(await status(page)).toContainText(/scheduled/i);
  const actions = page.getByRole('toolbar', { name: 'Change actions' });
  await actions.getByRole('button', { name: 'Start implementation' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Start implementation' })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(await status(page)).toContainText(/implementing/i);

  await actions.getByRole('button', { name: 'Finish implementation' }).click();
  const finish = page.getByRole('dialog');
  await finish.getByLabel('Outcome').selectOption('successful');
  // The implementer records when the work really ended (inside the window).
  await finish
    .locator('#itsm-change-actual-end')
    .fill(localInput(new Date(start.getTime() + 45 * 60_000)));
  await finish.getByRole('button', { name: 'Finish implementation' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(await status(page)).toContainText(/review/i);

  await actions.getByRole('button', { name: 'Close' }).click();
  const close = page.getByRole('dialog');
  await close
    .locator('#itsm-change-review-summary')
    .fill('Exports of a whole week work; no errors in the logs.');
  await close.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(await status(page)).toContainText(/closed/i);

  // The closed change holds the evidence: the approval by someone else, and every step.
  await expect(page.getByRole('table', { name: 'Votes' })).toContainText(
    /Marcus Reed.*Approved/,
  );
  const history = page.getByRole('list', { name: 'History' });
  for (const step of [
    'Decision by',
    'Authorization → Scheduled',
    'Scheduled → Implementing',
    'Implementing → Review',
    'Review → Closed',
  ]) {
    await expect(history.getByText(step).first()).toBeVisible();
  }
  await screenshot(page, '24-change-closed');

  await requesterContext.close();
  await approverContext.close();
});
