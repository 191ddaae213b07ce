import { test, expect, APIRequestContext } from '@playwright/test';
import { demoUserToken, screenshot, signInAs } from './helpers';

const BACKEND = 'http://localhost:7007/api';
const PAYMENTS = '/catalog/default/component/payments-service';
const IDENTITY = 'component:default/identity-service';
const DEVELOPER = 'daniel.kim'; // payments-team
const PROBLEM_MANAGER = 'jonas.weber'; // sre-team: works every incident and problem

/** A word of letters only, different in every run (titles normalise digits away). */
function runWord(): string {
  return Date.now()
    .toString(26)
    .split('')
    .map(c => String.fromCharCode(97 + parseInt(c, 26)))
    .join('');
}

async function api(request: APIRequestContext, user: string) {
  const headers = {
    Authorization: `Bearer ${await demoUserToken(request, user)}`,
  };
  const call = async (
    method: 'get' | 'post',
    path: string,
    data?: object,
    version?: number,
  ) => {
    const res = await request[method](`${BACKEND}${path}`, {
      headers: {
        ...headers,
        ...(version !== undefined ? { 'If-Match': `"${version}"` } : {}),
      },
      ...(data ? { data } : {}),
    });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return call;
}

test('a known error is offered while its symptom is reported, and its workaround applied', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const call = await api(request, PROBLEM_MANAGER);
  const [knownError] = (
    await call(
      'get',
      `/itsm/known-errors?entityRef=${PAYMENTS.replace(
        '/catalog/default/component/',
        'component:default/',
      )}&status=active`,
    )
  ).items;
  expect(knownError.workaround).toMatch(/Restart the payments pods/);

  // A developer reports the symptom on the service: the known error is offered as they type.
  await signInAs(page, DEVELOPER);
  await page.goto(`${PAYMENTS}/itsm`);
  await page.getByRole('button', { name: 'Report incident' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(/Title/)
    .fill(`Card payments time out for EU customers ${runWord()}`);
  await dialog
    .getByLabel('Description')
    .fill('Checkout shows a timeout after 30 seconds.');
  await dialog.getByLabel('Impact').selectOption('2');
  await dialog.getByLabel('Urgency').selectOption('2');
  const offered = dialog.getByRole('region', {
    name: 'Known errors that match',
  });
  await expect(offered).toBeVisible();
  const card = offered.getByRole('article', {
    name: `${knownError.id}: ${knownError.title}`,
  });
  await expect(card).toContainText('Restart the payments pods');
  await screenshot(page, '60-known-error-offered');
  await card.getByRole('button', { name: 'Apply workaround' }).click();
  await expect(
    card.getByRole('button', { name: 'Workaround chosen' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Report incident' }).click();
  const created = page.getByRole('status').getByRole('link').first();
  await expect(created).toBeVisible();
  await expect(page.getByText(`Workaround of ${knownError.id}`)).toBeVisible();
  await screenshot(page, '61-workaround-shown-after-reporting');
  const incidentPath = (await created.getAttribute('href'))!;
  const incidentId = /INC-\d+/.exec(incidentPath)![0];

  // The known error counted the offer and the applied workaround; the incident is linked to it.
  const after = await call('get', `/itsm/known-errors/${knownError.id}`);
  expect(after.appliedCount).toBe(knownError.appliedCount + 1);
  expect(after.offeredCount).toBe(knownError.offeredCount + 1);
  const links = await call('get', `/itsm/incidents/${incidentId}/links`);
  expect(links.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ to: knownError.id, relation: 'relates_to' }),
    ]),
  );

  // The support engineer applies it on the incident page: the resolution is pre-filled.
  const supportContext = await browser.newContext();
  const support = await supportContext.newPage();
  await signInAs(support, PROBLEM_MANAGER);
  await support.goto(incidentPath);
  const panel = support.getByRole('region', {
    name: 'Known errors that match',
  });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Apply workaround' }).first().click();
  const resolve = support.getByRole('dialog');
  await expect(resolve.getByLabel('Resolution code')).toHaveValue('workaround');
  await expect(
    resolve.locator('#itsm-transition-resolution-notes'),
  ).toHaveValue(/Restart the payments pods/);
  await screenshot(support, '62-resolve-with-the-workaround');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();
  expect((await call('get', `/itsm/incidents/${incidentId}`)).status).toBe(
    'resolved',
  );
  await supportContext.close();
});

test('recurring incidents become a candidate, analysed to a known error, fixed by a change and resolved', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const call = await api(request, PROBLEM_MANAGER);
  const word = runWord();
  const title = `Login tokens rejected after key rotation ${word}`;
  const incidents: string[] = [];
  for (let i = 0; i < 3; i++) {
    const incident = await call('post', '/itsm/incidents', {
      title,
      description: `Seen by customer ${i + 1}.`,
      entityRef: IDENTITY,
      impact: 2,
      urgency: 2,
      category: 'security',
      subcategory: 'unauthorised-access',
    });
    incidents.push(incident.id);
  }

  // The problem manager runs the detection: the recurrence is proposed as a candidate.
  await signInAs(page, PROBLEM_MANAGER);
  await page.goto('/itsm/problems');
  await page.getByRole('button', { name: 'Run detection' }).click();
  const candidate = page
    .getByRole('article')
    .filter({ hasText: `Login tokens rejected after key rotation ${word}` });
  await expect(candidate).toBeVisible();
  await expect(candidate).toContainText('Incidents: 3');
  await screenshot(page, '63-candidate-from-recurring-incidents');
  const problemId = (await candidate
    .getByRole('link', { name: /^PRB-\d+$/ })
    .textContent())!;
  await candidate.getByRole('button', { name: 'Accept' }).click();
  await expect(candidate).toBeHidden();

  await page.goto(`/itsm/problems/${problemId}`);
  const actions = page.getByRole('toolbar', { name: 'Problem actions' });
  await expect(
    page.getByRole('list', { name: 'Linked incidents' }).getByRole('link'),
  ).toHaveCount(3);

  await actions.getByRole('button', { name: 'Start investigation' }).click();
  let dialog = page.getByRole('dialog');
  await dialog
    .locator('#itsm-problem-transition-owner')
    .fill(`user:default/${PROBLEM_MANAGER}`);
  await dialog.getByRole('button', { name: 'Start investigation' }).click();
  await expect(dialog).toBeHidden();

  await actions.getByRole('button', { name: 'Record as known error' }).click();
  dialog = page.getByRole('dialog');
  await dialog
    .locator('#itsm-problem-transition-root-cause')
    .fill('The token cache keeps the old signing key for an hour.');
  await dialog
    .locator('#itsm-problem-transition-workaround')
    .fill('Flush the token cache after a key rotation.');
  await dialog.getByRole('button', { name: 'Record as known error' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('itsm-problem-status')).toContainText(
    /Known error/i,
  );
  await screenshot(page, '64-known-error');

  // A standard change fixes it: linked as the fix, implemented and closed.
  const [template] = (
    await call('get', '/itsm/change-templates?active=true&limit=50')
  ).items.filter((t: any) => t.title === 'Scale a Kubernetes deployment');
  let change = await call('post', '/itsm/changes', {
    type: 'standard',
    templateId: template.id,
    title: `Reload signing keys on rotation ${word}`,
    justification: `Fixes ${problemId}.`,
    entityRefs: [IDENTITY],
    plannedStart: new Date(Date.now() - 10 * 60_000).toISOString(),
    plannedEnd: new Date(Date.now() + 20 * 60_000).toISOString(),
    riskAnswers: {
      tested: 'yes',
      outage: 'no',
      backout: 'yes',
      implementers: 'one_person',
      failed_before: 'no',
      data_change: 'no',
    },
  });
  for (const move of ['scheduled', 'implementing', 'review']) {
    change = await call(
      'post',
      `/itsm/changes/${change.id}/transitions`,
      move === 'review'
        ? {
            to: move,
            outcome: 'successful',
            actualEnd: new Date(Date.now() + 1000).toISOString(),
          }
        : { to: move },
      change.version,
    );
  }
  const fix = page.getByRole('form', { name: 'Link a fix change' });
  await fix.locator('#itsm-problem-fix-change').fill(change.id);
  await fix.getByRole('button', { name: 'Link fix' }).click();
  await expect(
    page.getByRole('list', { name: 'Fix changes' }).getByRole('link', {
      name: change.id,
    }),
  ).toBeVisible();
  await call(
    'post',
    `/itsm/changes/${change.id}/transitions`,
    { to: 'closed' },
    change.version,
  );
  // Closing the fix change told the problem owner.
  await expect
    .poll(
      async () =>
        (
          await call(
            'get',
            `/notifications/notifications?search=${encodeURIComponent(
              `Fix change ${change.id} closed`,
            )}`,
          )
        ).totalCount,
    )
    .toBe(1);

  // Resolved as fixed: observed before it closes, with its effectiveness measured.
  await page.reload();
  await actions.getByRole('button', { name: 'Resolve' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#itsm-problem-closure-code').selectOption('fixed');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('itsm-problem-status')).toContainText(
    /Resolved/i,
  );
  await expect(
    page.getByRole('group', { name: 'Before: 3 incidents' }),
  ).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Close' })).toBeDisabled();
  await screenshot(page, '65-resolved-with-effectiveness');

  const problem = await call('get', `/itsm/problems/${problemId}`);
  expect(problem).toMatchObject({
    status: 'resolved',
    closureCode: 'fixed',
    incidentCount: 3,
    owner: `user:default/${PROBLEM_MANAGER}`,
  });
  expect(problem.observationUntil).not.toBeNull();
});
