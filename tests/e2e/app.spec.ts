import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { E2E_URL } from './config';

async function openApp(page: Page): Promise<void> {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
}

/** Opens the first document under region › enterprise › kind in the navigator. */
async function openFirstInterview(page: Page): Promise<string> {
  const tree = page.getByRole('tree', { name: 'Documents' });
  await tree.getByRole('treeitem', { name: /^Самарская область/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Кольца/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Interview/ }).first().click();
  const document = tree.getByRole('treeitem', { name: /Кольца/ }).filter({ hasNot: page.getByRole('group') }).first();
  const title = (await document.locator('[data-value] span').first().textContent()) ?? '';
  await document.click();
  await expect(page.getByRole('list', { name: `Text of ${title}` })).toBeVisible();
  return title;
}

test('opens on the sample project with the current coder shown', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('Coding as Ирина Соколова')).toBeVisible();
  await expect(page.getByText(/^350 documents$/)).toBeVisible();
  await expect(page.getByRole('tree', { name: 'Documents' })).toBeVisible();
});

test('navigates region › enterprise › kind to a transcript and shows its turns', async ({ page }) => {
  await openApp(page);
  const title = await openFirstInterview(page);
  await expect(page.getByRole('tab', { name: new RegExp(title.slice(0, 20)) })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Title' })).toHaveValue(title);
});

test('edits a document’s details, then undoes and redoes from the keyboard', async ({ page }) => {
  await openApp(page);
  const title = await openFirstInterview(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('textbox', { name: 'Title' }).fill(`${title} (checked)`);
  await inspector.getByRole('textbox', { name: 'Date' }).fill('autumn 1992');
  await expect(inspector.getByText('autumn 1992', { exact: true })).toBeVisible();
  await inspector.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('list', { name: `Text of ${title} (checked)` })).toBeVisible();

  await page.getByRole('listitem').first().click(); // focus outside any text field: Ctrl+Z is the app's
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Changed the details' })).toBeVisible();
  await expect(inspector.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
  await page.keyboard.press('Control+Shift+z');
  await expect(inspector.getByRole('textbox', { name: 'Title' })).toHaveValue(`${title} (checked)`);
  await page.keyboard.press('Control+z');
  await expect(inspector.getByRole('textbox', { name: 'Title' })).toHaveValue(title);
});

test('filters documents by kind and date range', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Project navigator' });
  await nav.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Press item' }).click();
  await nav.getByRole('textbox', { name: 'From' }).fill('1993-01');
  await nav.getByRole('textbox', { name: 'To' }).fill('1993-06');
  const tree = nav.getByRole('tree', { name: 'Documents' });
  await tree.getByRole('treeitem').first().click(); // a region
  await tree.getByRole('group').first().getByRole('treeitem').first().click(); // its first enterprise
  await expect(tree.getByRole('treeitem', { name: /^Press item/ }).first()).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /^(Interview|Field note|Enterprise report)/ })).toHaveCount(0);
});

test('switches the interface to Russian and back', async ({ page }) => {
  await openApp(page);
  await page.getByText('Русский', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Документы' })).toBeVisible();
  await expect(page.getByText(/^350 документов$/)).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Documents' })).toBeVisible();
});

test('reaches the codebook through the command palette and edits a code', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill('codebook');
  await page.keyboard.press('Enter');
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await expect(tree).toBeVisible();
  await tree.getByRole('treeitem', { name: /^G\. Paternalism/ }).click();
  await expect(page.getByRole('heading', { name: 'G. Paternalism', level: 3 })).toBeVisible();
  const editor = page.getByRole('form', { name: 'G. Paternalism' });
  await editor.getByRole('textbox', { name: 'Example' }).fill('«Директор у нас как отец родной»');
  await editor.getByRole('button', { name: 'Save code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Details saved' })).toBeVisible();
});

test('creates a case with attributes in the case tree', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'New case' }).click();
  const form = page.getByRole('form', { name: 'New case' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Завод «Прогресс»');
  await form.getByRole('combobox', { name: 'Case type' }).click();
  await page.getByRole('option', { name: 'Enterprise' }).click();
  await form.getByRole('combobox', { name: 'Other spellings' }).fill('Progress');
  await page.keyboard.press('Enter');
  await form.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: 'Завод «Прогресс»', level: 3 })).toBeVisible();
  const cases = page.getByRole('tree', { name: 'Cases' });
  await cases.getByRole('treeitem', { name: /^Enterprise/ }).click();
  await expect(cases.getByRole('treeitem', { name: 'Завод «Прогресс»' })).toBeVisible();
});
