import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { demoUserToken, screenshot, signInAs } from './helpers';

const BACKEND = 'http://localhost:7007/api';
const OWNER = 'sofia.rossi'; // owns payments-service and payouts-service (payments-team)
const APPROVER = 'marcus.reed'; // head of operations, ITSM admin
const CANARY_OWNER = 'emma.schulz'; // checkout-team, owner of the demo's canary item
const CANARY_TITLE = 'Canary stage for checkout deployments';
const SERVICES = [
  'component:default/payments-service',
  'component:default/payouts-service',
];
const DAY = 24 * 3_600_000;

/** Calls to the ITSM backend as a demo user; a failed call fails the test with its body. */
async function api(request: APIRequestContext, user: string) {
  const headers = {
    Authorization: `Bearer ${await demoUserToken(request, user)}`,
  };
  return async (path: string) => {
    const res = await request.get(`${BACKEND}/itsm${path}`, { headers });
    expect(res.ok(), `GET ${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
}

/** How a `datetime-local` input takes an instant, in the browser's zone. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A breach of the payments team's services that names no improvement yet. The breach job
 * records the demo's breaches shortly after the portal starts; each run of this journey
 * uses one up.
 */
async function openBreach(get: (path: string) => Promise<any>) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    for (const entityRef of SERVICES) {
      const page = await get(
        `/breaches?entityRef=${encodeURIComponent(entityRef)}&limit=100`,
      );
      const breach = page.items.find((b: any) => !b.improvementId && !b.waiver);
      if (breach) {
        return breach;
      }
    }
    expect(
      Date.now() < deadline,
      'a payments breach without an improvement',
    ).toBe(true);
    await new Promise(resolve => setTimeout(resolve, 3000));
  }
}

async function transition(page: Page, to: string, fill?: () => Promise<void>) {
  await page.getByTestId(`improvement-transition-${to}`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill?.();
  await dialog.getByRole('button').last().click();
  return dialog;
}

test('an owner raises an improvement from a breach, someone else approves it, and the system measures an implemented item', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const owner = await api(request, OWNER);
  const breach = await openBreach(owner);
  const service = breach.entityRef.split('/')[1];

  // 1. The service owner raises an improvement from the breach row on the SLA tab.
  await signInAs(page, OWNER);
  await page.goto(`/catalog/default/component/${service}/sla`);
  // The breach register's row (the SLA report lists the breach too, without the button).
  const row = page
    .getByRole('row')
    .filter({ hasText: breach.id })
    .filter({ has: page.getByTestId('raise-improvement') });
  await expect(row).toBeVisible();
  await row.getByTestId('raise-improvement').click();
  const form = page.getByTestId('improvement-form');
  await expect(form).toBeVisible();
  // Pre-filled from the breach: a corrective action on the service, measured by breaches.
  await expect(form).toContainText(breach.id);
  await expect(form.getByLabel(/Title/).first()).not.toHaveValue('');
  await screenshot(page, 'improvement-raise-from-breach');
  await page.getByTestId('improvement-submit').click();
  await expect(page).toHaveURL(/\/itsm\/improvements\/IMP-\d+$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByTestId('improvement-status')).toContainText(
    'Proposed',
  );
  const raised = await owner(`/improvements/${id}`);
  expect(raised).toMatchObject({
    source: 'sla_breach',
    sourceId: breach.id,
    kind: 'corrective_action',
    owner: `user:default/${OWNER}`,
    entityRefs: [breach.entityRef],
  });
  expect(raised.kpi?.kpi).toBe('breach_count');
  // The breach names its item now.
  const linked = await owner(
    `/breaches?entityRef=${encodeURIComponent(breach.entityRef)}&limit=100`,
  );
  expect(linked.items.find((b: any) => b.id === breach.id).improvementId).toBe(
    id,
  );

  // 2. The owner may not approve their own item (separation of duties).
  const refused = await transition(page, 'approved');
  await expect(refused).toContainText('cannot approve');
  await refused.getByRole('button', { name: /back|cancel/i }).click();
  await expect(page.getByTestId('improvement-status')).toContainText(
    'Proposed',
  );

  // 3. The head of operations approves it: the baseline is frozen with its figures.
  const approverContext = await browser.newContext();
  const approverPage = await approverContext.newPage();
  await signInAs(approverPage, APPROVER);
  await approverPage.goto(`/itsm/improvements/${id}`);
  await transition(approverPage, 'approved');
  await expect(approverPage.getByTestId('improvement-status')).toContainText(
    'Approved',
  );
  await expect(approverPage.getByTestId('improvement-baseline')).toContainText(
    /breach/,
  );
  const approved = await owner(`/improvements/${id}`);
  expect(approved.approvedBy).toBe(`user:default/${APPROVER}`);
  expect(approved.baseline.n).toBeGreaterThanOrEqual(1);
  expect(
    Date.parse(approved.baseline.to) - Date.parse(approved.baseline.from),
  ).toBe(approved.kpi.windowDays * DAY);
  await screenshot(approverPage, 'improvement-approved');
  await approverContext.close();

  // 4. Weeks later: the canary stage on checkout, approved 40 days ago, went live 30 days
  // ago; its owner records that, and the item measures itself and says whether it worked.
  const canaryOwner = await api(request, CANARY_OWNER);
  const canaries = await canaryOwner(
    `/improvements?entityRef=${encodeURIComponent(
      'component:default/checkout-service',
    )}&limit=100`,
  );
  const canary = canaries.items.find((i: any) => i.title === CANARY_TITLE);
  expect(canary, 'the demo canary item').toBeDefined();
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInAs(ownerPage, CANARY_OWNER);
  await ownerPage.goto(`/itsm/improvements/${canary.id}`);
  if (canary.status === 'in_progress') {
    await transition(ownerPage, 'implemented', () =>
      ownerPage
        .locator('#itsm-improvement-transition-implemented-at')
        .fill(localInput(new Date(Date.now() - 30 * DAY))),
    );
    // Its window (14 days after 2 settling days) is over: no need to wait for the job.
    await ownerPage.getByTestId('improvement-measure-now').click();
  }
  await expect(ownerPage.getByTestId('improvement-status')).toContainText(
    'Evaluated',
  );
  await expect(ownerPage.getByTestId('improvement-verdict')).toContainText(
    /Achieved|Not achieved|Inconclusive/,
  );
  await expect(ownerPage.getByTestId('improvement-chart')).toBeVisible();
  const evaluated = await canaryOwner(`/improvements/${canary.id}`);
  expect(evaluated.status).toBe('evaluated');
  expect(['achieved', 'not_achieved', 'inconclusive']).toContain(
    evaluated.verdict,
  );
  expect(evaluated.measured.n).toBe(evaluated.measured.value);
  expect(evaluated.baseline.n).toBe(evaluated.baseline.value);
  expect(evaluated.evaluation).toContain(`${evaluated.measured.n} incident`);
  await screenshot(ownerPage, 'improvement-evaluated');
  await ownerContext.close();
});
