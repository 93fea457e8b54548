import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { E2E_URL } from './config';

// Each test works on codes of its own, so they hold whatever order they run in.

async function openCodebook(page: Page): Promise<Locator> {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await page.getByRole('tab', { name: 'Codebook' }).click();
  const tree = page.getByRole('tree', { name: 'Codebook' });
  await expect(tree).toBeVisible();
  return tree;
}

/** Types into the codebook's filter, which also expands the tree to show every match. */
async function filter(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Filter: Codebook' }).fill(text);
}

const item = (tree: Locator, name: string): Locator => tree.getByRole('treeitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();

/** Opens a code's page and reads how many codings it has from its summary line. */
async function codingsOf(page: Page, tree: Locator, name: string): Promise<number> {
  await filter(page, name);
  await item(tree, name).click();
  await expect(page.getByRole('heading', { name, level: 3 })).toBeVisible();
  const summary = page.getByRole('tabpanel').getByText(/[\d,]+ codings? · /);
  const text = (await summary.textContent()) ?? '';
  return Number(/([\d,]+) codings?/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

test('renames a code from its menu', async ({ page }) => {
  const tree = await openCodebook(page);
  await filter(page, 'Formal regulation');
  await item(tree, 'Formal regulation').getByRole('button', { name: 'Actions for Formal regulation' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename “Formal regulation”' });
  await dialog.getByRole('textbox', { name: 'New name' }).fill('Formal regulation (written rules)');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog).toBeHidden();
  await expect(item(tree, 'Formal regulation (written rules)')).toBeVisible();
});

test('moves a code under another with the keyboard menu', async ({ page }) => {
  const tree = await openCodebook(page);
  await filter(page, 'Formal–informal gap');
  const gap = item(tree, 'Formal–informal gap');
  await gap.focus();
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menuitem', { name: 'Move to…' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Move “Formal–informal gap”' });
  const inside = dialog.getByRole('combobox', { name: 'Put it inside' });
  await expect(inside).toBeFocused();
  await inside.fill('G. Paternalism');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(inside).toHaveValue('G. Paternalism');
  await dialog.getByRole('button', { name: 'Move' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(item(tree, 'G. Paternalism').getByRole('treeitem', { name: /^Formal–informal gap/ })).toBeVisible();
  await expect(item(tree, 'A. Formal vs informal relations')).toBeHidden();
});

test('merges two codes, the counts add up, and Ctrl+Z undoes it', async ({ page }) => {
  const tree = await openCodebook(page);
  const target = await codingsOf(page, tree, 'Time wages');
  const source = await codingsOf(page, tree, 'Piece-rates');
  expect(target).toBeGreaterThan(0);
  expect(source).toBeGreaterThan(0);

  await page.getByRole('tabpanel').getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “Piece-rates” into another code' });
  await dialog.getByRole('combobox', { name: 'Merge into' }).fill('Time wages');
  await page.getByRole('option', { name: 'C. Payment systems › Time wages' }).click();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toBeHidden();

  // The source's tab gives way to the target's, which now has the codings of both.
  await expect(page.getByRole('heading', { name: 'Time wages', level: 3 })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText(new RegExp(`^C\\. Payment systems · ${(target + source).toLocaleString('en')} codings · `))).toBeVisible();
  await filter(page, 'Piece-rates');
  await expect(item(tree, 'Piece-rates')).toHaveCount(0);

  await page.getByRole('heading', { name: 'Time wages', level: 3 }).click(); // outside any text field: Ctrl+Z is the app's
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Merged the code "Piece-rates" into "Time wages"' })).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText(new RegExp(`^C\\. Payment systems · ${target.toLocaleString('en')} codings? · `))).toBeVisible();
  await expect(item(tree, 'Piece-rates')).toBeVisible();
});

test('deletes a code only after naming the codings that go with it', async ({ page }) => {
  const tree = await openCodebook(page);
  const codings = await codingsOf(page, tree, 'Klassnost');
  await item(tree, 'Klassnost').getByRole('button', { name: 'Actions for Klassnost' }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Klassnost”?' });
  await expect(dialog.getByText(`${codings.toLocaleString('en')} codings will be deleted with it.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete all of it' }).click();
  await expect(item(tree, 'Klassnost')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Klassnost', level: 3 })).toHaveCount(0);
  // Undo brings the code back with its codings (later specs rely on Klassnost, too).
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /^Undone: Deleted the code/ })).toBeVisible();
  await expect(item(tree, 'Klassnost')).toHaveCount(1);
  expect(await codingsOf(page, tree, 'Klassnost')).toBe(codings);
});

test('splits chosen codings off into a new code', async ({ page }) => {
  const tree = await openCodebook(page);
  const before = await codingsOf(page, tree, 'Bonus');
  const list = page.getByRole('tabpanel').getByRole('list', { name: 'Codings' });
  const boxes = list.getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Split into new code…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Split 2 codings into a new code' });
  await dialog.getByRole('textbox', { name: 'Name of the new code' }).fill('Bonus withheld');
  await dialog.getByRole('button', { name: 'Split' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tabpanel').getByText(new RegExp(`· ${(before - 2).toLocaleString('en')} codings? · `))).toBeVisible();
  expect(await codingsOf(page, tree, 'Bonus withheld')).toBe(2);
});
