import { APIRequestContext, Page, expect } from '@playwright/test';
import path from 'node:path';

/** Screenshots of each journey, for a person to look at (the HTML report folder is wiped per run). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'e2e-screenshots');

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
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}

/** A Backstage token of the guest user, for calls straight to the backend. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get(
    'http://localhost:7007/api/auth/guest/refresh',
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  expect(res.ok()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}

/**
 * Signs in as a user of the demo catalog (examples/org.yaml) through the development portal's
 * demo sign-in, in a fresh browser context (so two users can work side by side).
 */
export async function signInAs(page: Page, name: string) {
  await page.goto('/');
  const choose = page.getByTestId(`demo-user-${name}`);
  await expect(choose).toBeVisible();
  await choose.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}

/** A Backstage token of a demo user, for calls straight to the backend. */
export async function demoUserToken(
  request: APIRequestContext,
  name: string,
): Promise<string> {
  const res = await request.get('http://localhost:7007/api/auth/demo/refresh', {
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'x-itsm-demo-user': name },
  });
  expect(res.ok()).toBe(true);
  return (await res.json()).backstageIdentity.token;
}
