import { test, expect } from '@playwright/test';
import { screenshot, signInAsGuest } from './helpers';

test('a guest opens a component and sees its Service management tab and health card', async ({
  page,
}) => {
  await signInAsGuest(page);
  await screenshot(page, '01-signed-in');

  await page.goto('/catalog/default/component/checkout-service');
  await expect(
    page.getByRole('heading', { name: 'checkout-service' }).first(),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Service management' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/checkout-service\/itsm/,
  );

  const health = page.getByText('Service health').first();
  await expect(health).toBeVisible();
  await expect(
    page.getByText(/Operational|Degraded|Major outage/).first(),
  ).toBeVisible();
  await expect(page.getByText('Incidents').first()).toBeVisible();
  await screenshot(page, '02-service-management');
});
