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

test('a field note written from the template becomes a document to code, with its date', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill('New field note');
  await page.keyboard.press('Enter');
  const work = page.getByRole('main', { name: 'Work area' });
  const editor = work.getByRole('textbox', { name: 'Memo text' });
  await expect(editor).toBeVisible();
  // Write under "What happened".
  await editor.getByRole('heading', { name: 'What happened' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The foreman handed out overtime to his own people at the shift meeting.');
  await expect(work.getByText('Saved')).toBeVisible();

  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('combobox', { name: 'Kind of document' })).toHaveValue('field_note');
  await inspector.getByRole('button', { name: 'Make it a document for coding' }).click();
  await expect(page.getByRole('status').filter({ hasText: /is now a document for coding/ })).toBeVisible();
  const text = work.getByRole('list', { name: /^Text of Field note/ });
  await expect(text.getByText(/handed out overtime/)).toBeVisible();
  await expect(work.getByText('Field note', { exact: true }).first()).toBeVisible();
  // The template's "Date:" line became the document's date, shown in the reader's heading.
  const today = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  await expect(work.getByText(today, { exact: true })).toBeVisible();
});
