import { test, expect } from '@playwright/test';
import { guestToken, screenshot, signInAsGuest } from './helpers';

test('a guest opens a component and sees its Service management tab and health card', async ({
  page,
  request,
}) => {
  await signInAsGuest(page);
  await screenshot(page, '01-signed-in');

  // An incident raised through the API, so the tab shows what the backend holds.
  const token = await guestToken(request);
  const title = `Card payments time out ${Date.now()}`;
  const created = await request.post(
    'http://localhost:7007/api/itsm/incidents',
    {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        title,
        description:
          'Checkout requests to the payments API time out after 30 s.',
        entityRef: 'component:default/checkout-service',
        impact: 1,
        urgency: 2,
      },
    },
  );
  expect(created.status()).toBe(201);
  expect((await created.json()).priority).toBe(2);

  await page.goto('/catalog/default/component/checkout-service');
  // The overview carries the health card too.
  await expect(page.getByText('Service health').first()).toBeVisible();
  await screenshot(page, '02-overview-health-card');

  await page.getByRole('link', { name: 'Service management' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout-service\/itsm/,
  );

  await expect(page.getByText('Service health').first()).toBeVisible();
  // checkout-service is tier 1, so any incident on it is a major incident (the default criteria).
  await expect(page.getByText('Major outage').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: title })).toBeVisible();
  await expect(page.getByText('P2 High').first()).toBeVisible();
  await screenshot(page, '03-service-management');
});
