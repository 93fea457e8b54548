import { expect, test } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from './config';

const api = `http://127.0.0.1:${E2E_PORT}/api/call`;
const data = { method: 'project.info', input: {} };

test('a call without the access key is refused', async ({ request }) => {
  const response = await request.post(api, { data });
  expect(response.status()).toBe(401);
});

test('a call from a foreign page is refused even with the key', async ({ request }) => {
  const response = await request.post(api, { data, headers: { Authorization: `Bearer ${E2E_TOKEN}`, Origin: 'http://evil.example' } });
  expect(response.status()).toBe(403);
});

test('a page on another site cannot read the project through the browser', async ({ page }) => {
  await page.goto('about:blank');
  const outcome = await page.evaluate(async (url) => {
    try {
      const response = await fetch(url, { method: 'POST', body: JSON.stringify({ method: 'project.info', input: {} }), headers: { 'Content-Type': 'application/json' } });
      return `status ${response.status}`;
    } catch {
      return 'blocked';
    }
  }, api);
  expect(outcome).not.toBe('status 200');
});

test('the access key leaves the address bar once the app has it', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${E2E_PORT}/?token=${E2E_TOKEN}`);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  expect(page.url()).not.toContain('token');
});
