import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { E2E_URL } from './config';
import { command } from './steps';

/** The number of excerpts the status line reports. */
async function found(page: Page): Promise<number> {
  const status = page.getByRole('status').filter({ hasText: /excerpts? in \d+ documents?/ });
  await expect(status).toBeVisible();
  return Number(/^[\d,\s]+/.exec((await status.textContent())!)![0].replace(/\D/g, ''));
}

test('retrieves a code’s excerpts with citations, filters them by an attribute and opens one in the reader', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Excerpts');
  await expect(page.getByRole('heading', { name: 'Coded excerpts' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Codes' }).fill('Klassnost');
  await page.getByRole('option', { name: /Klassnost$/ }).click();
  await page.keyboard.press('Escape');
  const all = await found(page);
  expect(all).toBeGreaterThan(5);
  const list = page.getByRole('list', { name: 'Excerpts' });
  const first = list.getByRole('listitem').first();
  await expect(first.getByLabel(/^Citation: \((interview|field notes|enterprise report|meeting record|press|diary|letter|document)\b.*\d{4}\)$/)).toBeVisible();
  await expect(list.getByText(/^\(interview with (a|an|the) .+, .+, .*\d{4}\)$/).first()).toBeVisible();

  // Only what foremen's documents hold: fewer excerpts, a foreman cited among them.
  await page.getByRole('combobox', { name: 'Attribute' }).click();
  await page.getByRole('option', { name: 'Role', exact: true }).click();
  await page.getByRole('combobox', { name: 'Value' }).fill('foreman');
  await page.getByRole('option', { name: 'foreman', exact: true }).click();
  await expect.poll(() => found(page)).toBeLessThan(all);
  await expect(list.getByText(/\(interview with a foreman, /).first()).toBeVisible();

  // Informants only: the interviewer's questions drop out.
  await page.getByText('Informants only').click();
  await expect(list.getByRole('listitem').first()).toBeVisible();

  const title = await list.getByRole('listitem').first().getByRole('button', { name: /^Open “/ }).textContent();
  await list.getByRole('listitem').first().getByRole('button', { name: /^Open “/ }).click();
  await expect(page.getByRole('list', { name: `Text of ${title}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Klassnost', level: 4 })).toBeVisible(); // the coding, in the inspector
  await expect(page.getByText(/characters? selected/)).toBeVisible(); // the reader jumped to the passage and selected it

  // Back on the Excerpts tab, the query is still there.
  await page.getByRole('tab', { name: /^Excerpts/ }).click();
  await expect(page.getByRole('combobox', { name: 'Value' })).toHaveValue('foreman');
});

test('uncodes a selected excerpt as one step that Ctrl+Z undoes, and saves the query', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Excerpts');
  await page.getByRole('button', { name: 'Clear query' }).click();
  await page.getByRole('combobox', { name: 'Codes' }).fill('Klassnost');
  await page.getByRole('option', { name: /Klassnost$/ }).click();
  await page.keyboard.press('Escape');
  const before = await found(page);
  const list = page.getByRole('list', { name: 'Excerpts' });
  await list.getByRole('listitem').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Uncode selected…' }).click();
  await page.getByRole('dialog', { name: 'Remove codings' }).getByRole('button', { name: 'Remove codings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Removed 1 coding/ })).toBeVisible();
  await expect.poll(() => found(page)).toBe(before - 1);
  await page.getByRole('heading', { name: 'Coded excerpts' }).click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => found(page)).toBe(before);

  await page.getByRole('button', { name: 'Save query…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this query' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Klassnost, all');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the query “Klassnost, all”' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Saved queries' })).toHaveValue('Klassnost, all');
});

test('shows codes × codes, switches measure and lists the passages behind a cell', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Co-occurrence');
  const table = page.getByRole('table', { name: /^Codes × codes/ });
  await expect(table).toBeVisible();
  const cell = table.getByRole('button', { name: /^C\. Payment systems › Klassnost × .*: count \d+/ }).first();
  await expect(cell).toBeVisible();
  const label = (await cell.getAttribute('aria-label'))!;
  const count = Number(/count (\d+)/.exec(label)![1]);
  await page.getByText('Jaccard', { exact: true }).click();
  await expect(table).toHaveAccessibleName(/Jaccard/);
  await cell.click();
  const passages = page.getByRole('region', { name: /^Passages: / });
  await expect(passages.getByRole('status')).toHaveText(new RegExp(`of ${count}$`));
  await expect(passages.getByRole('listitem').first()).toBeVisible();
});

test('draws the strongest pairs as a network with their list, and opens a pair’s passages from it', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Co-occurrence');
  await expect(page.getByRole('table', { name: /^Codes × codes/ })).toBeVisible();
  await page.getByText('Network', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Pairs shown' }).fill('3');
  const pairs = page.getByRole('table', { name: /^Network of the 3 strongest pairs of codes by Count/ });
  await expect(pairs).toBeVisible();
  await expect(page.getByRole('img', { name: /^Network of the 3 strongest pairs/ })).toBeVisible();
  await expect(pairs.getByRole('row')).toHaveCount(4); // the header and three pairs
  const open = pairs.getByRole('button', { name: /^Passages of / }).first();
  const name = (await open.getAttribute('aria-label'))!;
  await open.focus();
  await page.keyboard.press('Enter');
  const passages = page.getByRole('region', { name: /^Passages: / });
  await expect(passages).toHaveAccessibleName(`Passages: ${name.replace(/^Passages of /, '')}`);
  await expect(passages.getByRole('listitem').first()).toBeVisible();
});
