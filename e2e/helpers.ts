import { Page, expect } from '@playwright/test';
import path from 'node:path';

/** Screenshots of each journey, kept with the HTML report. */
export const SCREENSHOT_DIR = path.resolve(
  __dirname,
  '..',
  'e2e-test-report',
  'screenshots',
);

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
  });
}

/** Signs in through the guest provider of the demo portal. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}
