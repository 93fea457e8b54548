import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';

test('the Reader and a memo show the text with pseudonyms as a read-only preview, and coding comes back when it is off', async ({ page }) => {
  await page.goto(E2E_URL);
  const tree = page.getByRole('tree', { name: 'Documents' });
  await tree.getByRole('treeitem', { name: /^Самарская область/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Кольца/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Interview/ }).first().click();
  await tree.getByRole('treeitem', { name: /Кольца/ }).filter({ hasNot: page.getByRole('group') }).first().click();
  const work = page.getByRole('main', { name: 'Work area' });
  const text = work.getByRole('list', { name: /^Text of/ });
  await expect(text).toBeVisible();
  const heading = work.getByRole('heading', { level: 2 });
  await expect(heading).toContainText('Кольца');

  const toggle = work.getByRole('switch', { name: 'Show pseudonyms' });
  await toggle.check();
  // The stored text gives way to a read-only preview: no coding list, no editing, names replaced.
  const preview = work.getByRole('document', { name: /with pseudonyms \(read-only\)$/ });
  await expect(preview).toBeVisible();
  await expect(text).toBeHidden();
  await expect(heading).toContainText('Втулка');
  await expect(heading).not.toContainText('Кольц');
  await expect(preview).not.toContainText(/Кольц|Колец/);
  await expect(work.getByRole('status').filter({ hasText: /^Read-only preview as exported: \d+ real names? shown/ })).toBeVisible();
  await expect(work.getByRole('button', { name: 'Edit text' })).toBeDisabled();

  await toggle.uncheck();
  await expect(text).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(heading).toContainText('Кольца');

  // A memo written with a real name shows its pseudonym in the preview; the memo itself keeps the words written.
  const navigator = page.getByRole('navigation', { name: 'Project navigator' });
  await navigator.getByRole('tab', { name: 'Memos' }).click();
  await navigator.getByRole('button', { name: 'New memo' }).click();
  const editor = work.getByRole('textbox', { name: 'Memo text' });
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type('Директор «Кольца» обещал квартиры.');
  await expect(work.getByText('Saved')).toBeVisible();
  const memoToggle = work.getByRole('switch', { name: 'Show pseudonyms' });
  await memoToggle.check();
  const memoPreview = work.getByRole('document', { name: /with pseudonyms \(read-only\)$/ });
  await expect(memoPreview).toHaveText('Директор «Втулка» обещал квартиры.');
  await expect(memoPreview.locator('mark')).toHaveText('Втулка');
  await expect(editor).toBeHidden();
  await memoToggle.uncheck();
  await expect(editor).toHaveText('Директор «Кольца» обещал квартиры.');

  // Leave the sample as it was for later specs.
  await work.getByRole('button', { name: 'Delete memo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Memo deleted' })).toBeVisible();
});
