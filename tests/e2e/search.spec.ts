import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';

test('searches all documents for a Russian word, opens a hit in the Reader at its words, and codes every hit in one undoable step', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();

  // Ctrl+Shift+F opens the Search tab with the cursor in its box.
  await page.keyboard.press('Control+Shift+F');
  const box = page.getByRole('textbox', { name: 'Search documents and memos' });
  await expect(box).toBeFocused();
  await box.fill('доверию');
  await page.keyboard.press('Enter');

  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText(/^\d[\d,]* match(es)? in \d+ documents?/);
  const hits = results.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(hits.first()).toBeVisible();
  // Any form of the word: доверие, доверия, доверию…, marked in its context.
  const marks = await hits.locator('mark').allTextContents();
  expect(marks.length).toBeGreaterThan(1);
  for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^довери/);

  // Keyboard: from the box down into the hits, Enter opens the Reader at the words.
  const first = hits.first().getByRole('button');
  const name = (await first.getAttribute('aria-label'))!;
  const [, match, title] = /^Open “(.+)” in (.+)$/.exec(name)!;
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: `Text of ${title}` })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(match);
  await expect(page.getByText(/characters? selected/)).toBeVisible();

  // Back to the search (the results are kept), a phrase this time, and code all its hits.
  await page.getByRole('tab', { name: /^Search/ }).click();
  await expect(hits.first()).toBeVisible();
  await box.fill('"доверия к начальству"');
  await page.keyboard.press('Enter');
  await expect(results.getByRole('status')).toHaveText(/^\d+ match(es)? in \d+ documents?$/);
  await page.getByRole('radiogroup', { name: 'Where' }).getByText('Memos').click();
  await expect(results.getByRole('status')).toHaveText('Nothing found.');
  await page.getByRole('radiogroup', { name: 'Where' }).getByText('Documents').click();
  await expect(results.getByRole('status')).toHaveText(/^\d+ match(es)? in \d+ documents?$/);
  const count = Number((await results.getByRole('status').textContent())!.match(/^(\d+)/)![1]);
  await results.getByRole('button', { name: 'Code all hits…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Code every hit' });
  await dialog.getByLabel('Code', { exact: true }).fill('Paternalism');
  await page.getByRole('option', { name: /Paternalism/ }).first().click();
  await expect(dialog.getByRole('status')).toHaveText(new RegExp(`^Code ${count} match(es)? in documents as “.*Paternalism.*”\\?`));
  await dialog.getByRole('button', { name: 'Code them' }).click();
  await expect(page.getByText(new RegExp(`^Coded ${count} passages? as “.*Paternalism.*”$`))).toBeVisible();
  await expect(dialog).toBeHidden();

  // One undo takes every coding back.
  await page.getByRole('main', { name: 'Work area' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  await expect(page.getByText(/^Undone: Coded \d+ search hits for “"доверия к начальству"”/)).toBeVisible();
});
