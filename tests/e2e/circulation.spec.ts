import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';

// Ирина Соколова is in no team of the sample, so every excerpt the teams coded is new to her.

const count = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

test('shows excerpts from other teams as unread on codes, lists them, and marking one read counts it down', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();

  await page.getByRole('tab', { name: 'Codebook' }).click();
  const paternalism = page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^G\. Paternalism/ }).first();
  const badge = paternalism.getByRole('img', { name: /^[\d,]+ unread from other teams$/ });
  await expect(badge).toBeVisible();
  expect(count(await badge.getAttribute('aria-label'))).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Documents' }).click();
  const button = page.getByRole('button', { name: /^New from other teams: [\d,]+$/ });
  const before = count(await button.textContent());
  expect(before).toBeGreaterThan(0);
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'New from other teams' });
  await expect(dialog.getByText(/you have not read, from the teams/)).toBeVisible();
  await dialog.getByRole('button', { name: /^Mark “.+” read$/ }).first().click();
  await expect(page.getByRole('button', { name: `New from other teams: ${(before - 1).toLocaleString('en-GB')}` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toBeHidden();
});

test('a code’s page shows its history: what changed, before and after, who and when', async ({ page }) => {
  await page.goto(E2E_URL);
  await page.getByRole('tab', { name: 'Codebook' }).click();
  await page.getByRole('textbox', { name: 'Filter: Codebook' }).fill('J. Gender');
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^J\. Gender/ }).first().click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText(/^Created on .+ by .+$/).first()).toBeVisible();
  await expect(history.getByRole('button', { name: 'Export history as CSV' })).toBeVisible();
  await expect(history.getByRole('button', { name: 'Export history as Markdown' })).toBeVisible();
});
