import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { E2E_URL } from './config';

/** Opens a code from the navigator's codebook tab and returns the memo panel on its page. */
async function openCodeMemos(page: Page, code: RegExp): Promise<Locator> {
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await page.getByRole('tab', { name: 'Codebook' }).click();
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: code }).click();
  const memos = page.getByRole('main', { name: 'Work area' }).getByRole('region', { name: 'Memos' });
  await expect(memos).toBeVisible();
  return memos;
}

test('writes a memo on a code, keeps it over a reload, and undoes its last change', async ({ page }) => {
  await page.goto(E2E_URL);
  let memos = await openCodeMemos(page, /^G\. Paternalism/);
  await memos.getByRole('button', { name: 'New memo' }).click();
  let editor = memos.getByRole('textbox', { name: 'Memo text' });
  await expect(editor).toBeFocused();
  await expect(memos.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+8');

  // Markdown shortcuts: "# " makes a heading, "- " a bulleted list.
  await page.keyboard.type('# Paternalism as care');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- the director as a father');
  await page.keyboard.press('Enter');
  await page.keyboard.type('housing from the plant');
  await expect(editor.getByRole('heading', { name: 'Paternalism as care' })).toBeVisible();
  await expect(editor.getByRole('listitem')).toHaveCount(2);
  // Saved after the pause in typing: the list shows the memo by its first line.
  await expect(memos.getByRole('button', { name: /Paternalism as care/ })).toBeVisible();
  await expect(memos.getByText('Saved')).toBeVisible();

  await page.reload();
  memos = await openCodeMemos(page, /^G\. Paternalism/);
  await memos.getByRole('button', { name: /Paternalism as care/ }).click();
  editor = memos.getByRole('textbox', { name: 'Memo text' });
  await expect(editor.getByRole('heading', { name: 'Paternalism as care' })).toBeVisible();
  await expect(editor.getByRole('listitem')).toHaveText(['the director as a father', 'housing from the plant']);

  // One more change, saved as one operation however many keys were typed.
  await editor.getByRole('listitem').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and a kindergarten');
  await expect(memos.getByText('Editing…')).toBeVisible();
  await expect(memos.getByText('Saved')).toBeVisible();

  // Outside any text field Ctrl+Z is the project's undo: it takes back that last save.
  await page.getByRole('heading', { name: 'G. Paternalism', level: 3 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Edited the memo' })).toBeVisible();
  await expect(editor.getByRole('listitem')).toHaveText(['the director as a father', 'housing from the plant']);
  await expect(editor.getByRole('heading', { name: 'Paternalism as care' })).toBeVisible();
});
