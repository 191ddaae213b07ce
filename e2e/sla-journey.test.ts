import { APIRequestContext, test, expect } from '@playwright/test';
import { demoUserToken, screenshot, signInAs } from './helpers';

// A tier-3 service without a demo SLA, owned by risk-team: Noah Fischer defines its SLA.
const ENTITY = 'component:default/risk-case-manager';
const SERVICE = '/catalog/default/component/risk-case-manager';
const OWNER = 'noah.fischer';
const API = 'http://localhost:7007/api/itsm';

/** This calendar month in UTC, as the report's "This month" asks for it. */
function thisMonth() {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

async function report(request: APIRequestContext, token: string) {
  const { from, to } = thisMonth();
  const res = await request.get(
    `${API}/reports/sla?entityRef=${encodeURIComponent(
      ENTITY,
    )}&from=${from}&to=${to}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  expect(res.status()).toBe(200);
  return res.json();
}

const p3 = (body: any, clock: string) =>
  body.targets.find((t: any) => t.target === `p3.${clock}`) ?? {
    met: 0,
    breached: 0,
  };

test('a service owner defines an SLA, an incident runs against it, and the report shows it', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const token = await demoUserToken(request, OWNER);
  const before = await report(request, token);

  await signInAs(page, OWNER);
  await page.goto(`${SERVICE}/sla`);
  await page.getByRole('button', { name: 'Define SLA' }).click();
  const dialog = page.getByRole('dialog', { name: 'Define an SLA' });
  await expect(dialog).toBeVisible();

  await dialog
    .locator('#itsm-agreement-title')
    .fill('Case handling for analysts');
  await dialog.locator('#itsm-agreement-calendar').selectOption('24x7');
  await dialog.locator('#itsm-agreement-availability').fill('99.5');
  // A typo is named at its field, and nothing is sent.
  await dialog.locator('#itsm-sla-p3-response').fill('1 hour');
  await dialog.locator('#itsm-sla-p3-resolution').fill('8h');
  await dialog.getByRole('button', { name: 'Save SLA' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'One field needs a fix',
  );
  await expect(
    dialog.locator('#itsm-sla-p3-response-helper-text'),
  ).toContainText(/duration/i);
  await screenshot(page, '30-sla-editor-validation');
  await dialog.locator('#itsm-sla-p3-response').fill('1h');
  await dialog.getByRole('button', { name: 'Save SLA' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(/^SLA-\d+: Case handling for analysts$/),
  ).toBeVisible();
  await expect(page.getByText('Revision 1 in force')).toBeVisible();
  await screenshot(page, '31-sla-defined');

  // An incident raised now takes its targets from the SLA: P3 = impact 2 × urgency 2.
  const auth = { Authorization: `Bearer ${token}` };
  const created = await request.post(`${API}/incidents`, {
    headers: auth,
    data: {
      title: `Case search times out ${Date.now()}`,
      entityRef: ENTITY,
      impact: 2,
      urgency: 2,
    },
  });
  expect(created.status()).toBe(201);
  let incident = await created.json();
  expect(incident.priority).toBe(3);
  expect(incident.sla.response.targetMs).toBe(3_600_000);
  expect(incident.sla.resolution.targetMs).toBe(8 * 3_600_000);
  expect(incident.sla.response.calendarId).toBe('24x7');
  expect(incident.sla.response.agreement).toMatchObject({ revision: 1 });
  expect(incident.sla.response.agreement.slaId).toMatch(/^SLA-\d+$/);

  // Worked and resolved well within its targets: both clocks met.
  for (const to of ['in_progress', 'resolved']) {
    const moved = await request.post(
      `${API}/incidents/${incident.id}/transitions`,
      {
        headers: { ...auth, 'If-Match': `"${incident.version}"` },
        data:
          to === 'resolved'
            ? {
                to,
                resolutionCode: 'fixed',
                resolutionNotes: 'Rebuilt the search index.',
              }
            : { to },
      },
    );
    expect(moved.status()).toBe(200);
    incident = await moved.json();
  }
  expect(incident.sla.response.state).toBe('met');
  expect(incident.sla.resolution.state).toBe('met');

  // The report counts both clocks this month: one more met for each P3 target.
  const after = await report(request, token);
  expect(p3(after, 'response').met).toBe(p3(before, 'response').met + 1);
  expect(p3(after, 'resolution').met).toBe(p3(before, 'resolution').met + 1);
  expect(after.overall.met).toBe(before.overall.met + 2);
  expect(after.sla.revision).toBe(1);

  await page.reload();
  const reportSection = page.getByRole('region', { name: 'SLA report' });
  await expect(reportSection).toBeVisible();
  const row = reportSection.getByRole('row', { name: /P3 Moderate response/ });
  await expect(row).toContainText('1h');
  await expect(row.getByRole('cell').nth(2)).toHaveText(
    String(p3(after, 'response').met),
  );
  await reportSection.scrollIntoViewIfNeeded();
  await screenshot(page, '32-sla-report');

  // The CSV for the customer, fetched with the user's token into a download.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reportSection.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await (await download.createReadStream())
    .toArray()
    .then(chunks => Buffer.concat(chunks).toString('utf8'));
  expect(csv).toContain('p3.response');
  expect(csv).toContain(ENTITY);

  // The printable page opens in a new tab with the same figures.
  const [printPage] = await Promise.all([
    page.context().waitForEvent('page'),
    reportSection.getByRole('link', { name: 'Print' }).click(),
  ]);
  await printPage.waitForLoadState();
  await expect(printPage).toHaveURL(/\/itsm\/sla-report\?/);
  await expect(printPage.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(
    printPage.getByText('Case handling for analysts').first(),
  ).toBeVisible();
  await screenshot(printPage, '33-sla-report-print');
});
