import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { E2E_URL } from './config';
import { command } from './steps';

async function choose(page: Page, field: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('compares codes across enterprises per 10,000 words, by year, reads a cell’s passages and exports the table', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Compare codes across cases');
  const work = page.getByRole('main', { name: 'Work area' });
  await expect(work.getByRole('heading', { name: 'Compare codes across cases' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Compare/ })).toBeVisible();

  await choose(page, 'Columns', /^Enterprise$/);
  // Each measure's option explains it, too.
  await choose(page, 'Measure', /^Codings per 10,000 words/);
  // The measure explains itself under the field.
  await expect(work.getByText(/for every 10,000 words of the column’s documents/)).toBeVisible();

  const table = work.getByRole('table', { name: 'Codings per 10,000 words by Enterprise' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /Кольца/ })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /^Paternalism/ }).first()).toBeVisible();
  const figures = table.getByRole('button', { name: /Show excerpts/ });
  expect(await figures.count()).toBeGreaterThan(20);
  await expect(figures.first()).toHaveText(/^\d+(\.\d)?\*?$/);
  await expect(table.getByRole('rowheader', { name: 'Words' })).toBeVisible();

  const heatmap = work.getByRole('img', { name: /^Heatmap of codings per 10,000 words|^Heatmap of Codings per 10,000 words/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator('svg')).toBeVisible();
  // Cyrillic axis labels drawn as SVG text.
  await expect(heatmap.locator('svg text', { hasText: 'Кольца' }).first()).toBeAttached();

  // Sorting by a column: the th says so.
  const rings = table.getByRole('columnheader', { name: /Кольца/ });
  await rings.getByRole('button').click();
  await expect(rings).toHaveAttribute('aria-sort', 'descending');

  // Split by year: a grouped header, the same enterprise over its years.
  await page.getByRole('radiogroup', { name: 'Split columns by' }).getByText('Year', { exact: true }).click();
  const byYear = work.getByRole('table', { name: 'Codings per 10,000 words by Enterprise and year' });
  await expect(byYear).toBeVisible();
  await expect(byYear.getByRole('columnheader', { name: 'Кольца', exact: true })).toHaveAttribute('colspan', /\d+/);
  await expect(byYear.getByRole('columnheader', { name: /^Кольца · 199\d/ }).first()).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Chart' }).getByText('Over time', { exact: true }).click();
  await expect(work.getByRole('img', { name: /^Line chart of / })).toBeVisible();

  // A cell's passages, with the document each comes from.
  const cell = byYear.getByRole('button', { name: /Show excerpts/ }).first();
  await cell.click();
  const passages = page.getByRole('complementary', { name: 'Passages behind the cell' });
  await expect(passages).toBeVisible();
  await expect(passages.getByRole('status')).toHaveText(/^\d+ passages?$/);
  const first = passages.getByRole('listitem').first();
  await expect(first.getByRole('button', { name: /^Open .+ in the reader$/ })).toBeVisible();
  await first.getByRole('button', { name: /^Open .+ in the reader$/ }).click();
  await expect(page.getByRole('list', { name: /^Text of/ })).toBeVisible();
  // At the passage: the reader selects its words.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString().trim() ?? '')).not.toBe('');

  // Back to Compare: the settings and the open cell are kept; export the table.
  await page.getByRole('tab', { name: /^Compare/ }).click();
  await expect(byYear).toBeVisible();
  const download = page.waitForEvent('download');
  await work.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Table as CSV', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('quire-enterprise-per10k-year.csv');
  const bytes = fs.readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const header = bytes.toString('utf8').slice(1).split('\r\n')[0]!;
  expect(header).toMatch(/^Code,Кольца · 199\d,/);
  expect(header).toMatch(/,Total \(whole project\)$/);
});

test('defines the waves of fieldwork and splits the columns by them', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Compare codes across cases');
  const work = page.getByRole('main', { name: 'Work area' });
  await choose(page, 'Columns', /^Enterprise$/);

  await page.getByRole('button', { name: 'Waves…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Waves of fieldwork' });
  const first = dialog.getByRole('group', { name: 'Wave 1' });
  await first.getByRole('textbox', { name: 'Name' }).fill('Early');
  await first.getByRole('textbox', { name: 'First day' }).fill('1990-01-01');
  await first.getByRole('textbox', { name: 'Last day' }).fill('1993-06-30');
  await dialog.getByRole('button', { name: 'Add a wave' }).click();
  const second = dialog.getByRole('group', { name: 'Wave 2' });
  await second.getByRole('textbox', { name: 'Name' }).fill('Late');
  await second.getByRole('textbox', { name: 'First day' }).fill('1993-06-01');
  await second.getByRole('textbox', { name: 'Last day' }).fill('1999-12-31');
  await dialog.getByRole('button', { name: 'Save the waves' }).click();
  // Overlapping waves are refused in words, and nothing is lost.
  await expect(dialog.getByRole('alert')).toContainText('share days');
  await second.getByRole('textbox', { name: 'First day' }).fill('1993-07-01');
  await dialog.getByRole('button', { name: 'Save the waves' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('radiogroup', { name: 'Split columns by' }).getByText('Wave', { exact: true }).click();
  const byWave = work.getByRole('table', { name: /by Enterprise and wave$/ });
  await expect(byWave).toBeVisible();
  await expect(byWave.getByRole('columnheader', { name: /^Кольца · (Early|Late)$/ }).first()).toBeVisible();
});

test('counts one coder’s codings, and the passages behind a cell are that coder’s', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Compare codes across cases');
  const work = page.getByRole('main', { name: 'Work area' });
  await choose(page, 'Columns', /^Enterprise$/);
  const table = work.getByRole('table', { name: 'Codings by Enterprise' });
  await expect(table).toBeVisible();

  await work.getByRole('combobox', { name: 'Coders' }).click();
  const option = page.getByRole('option').first();
  const coder = (await option.textContent())!.trim();
  await option.click();
  await page.keyboard.press('Escape');
  await table.getByRole('button', { name: /Show excerpts/ }).filter({ hasText: /^[1-9]/ }).first().click();
  const passages = page.getByRole('complementary', { name: 'Passages behind the cell' });
  await expect(passages.getByRole('listitem').first()).toContainText(coder);
  await expect(passages.getByRole('listitem').filter({ hasNotText: coder })).toHaveCount(0);
});
