import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { E2E_URL } from './config';
import { command } from './steps';

test('marks Klassnost excerpts as used in a draft (undone), then exports them across enterprises as DOCX with citations', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Excerpts');
  await page.getByRole('button', { name: 'Clear query' }).click();
  await page.getByRole('combobox', { name: 'Codes' }).fill('Klassnost');
  await page.getByRole('option', { name: /Klassnost$/ }).click();
  await page.keyboard.press('Escape');
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list.getByRole('listitem').first()).toBeVisible();

  // The quote bank: two excerpts marked as used in a draft, shown on them, then undone.
  for (const i of [0, 1]) await list.getByRole('listitem').nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Mark as used…' }).click();
  const mark = page.getByRole('dialog', { name: 'Mark the selected excerpts as used in a draft' });
  await mark.getByRole('combobox', { name: 'Draft' }).fill('E2E chapter');
  await mark.getByRole('button', { name: 'Mark as used' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Marked 2 excerpts as used in “E2E chapter”' })).toBeVisible();
  await expect(list.getByRole('listitem').first().getByText('Used in E2E chapter')).toBeVisible();
  await page.getByRole('heading', { name: 'Coded excerpts' }).click();
  await page.keyboard.press('Control+z');
  await expect(list.getByText('Used in E2E chapter')).toHaveCount(0);

  // Export every excerpt of the query, per code, as Word.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export coded extracts' });
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('Word (DOCX)');
  await dialog.getByRole('radio', { name: /^All [\d,]+ excerpts of the query$/ }).check();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('status')).toHaveText(/^The first 5 of [\d,]+$/);
  await expect(preview.getByText(/^(.+ › )?Klassnost$/)).toBeVisible(); // the heading: the code's path
  await expect(preview.getByText(/^\(interview with .+, .+, .*\d{4}\)/).first()).toBeVisible();
  const total = Number((await preview.getByRole('status').textContent())!.replace(/^.* of /, '').replace(/\D/g, ''));

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^quire-coded-extracts-.*klassnost\.docx$/);
  const file = await download.path();
  const text = (await mammoth.extractRawText({ buffer: fs.readFileSync(file) })).value;
  expect(text).toMatch(/^Coded extracts: (.+ › )?Klassnost\n/);
  expect(text).toContain(`${total.toLocaleString('en-US')} excerpts`);
  // Every excerpt is followed by its citation, naming the enterprise and the date. In the sample
  // project Klassnost is coded at ЛенКон only, whose pseudonym is Станкомаш: the real name is
  // nowhere in the file.
  const citations = [...text.matchAll(/^\([^,]+, ([^,]+), [^)]*\d\)/gm)];
  expect(citations).toHaveLength(total);
  expect(new Set(citations.map((m) => m[1]))).toEqual(new Set(['Станкомаш']));
  expect(text).not.toMatch(/ЛенКон/i);
  await expect(page.getByRole('status').filter({ hasText: /^Exported [\d,]+ excerpts to quire-coded-extracts-.*klassnost\.docx\.$/ })).toBeVisible();
});
