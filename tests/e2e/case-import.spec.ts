import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { E2E_URL } from './config';

/** An informant list as a field team keeps it, saved from Russian Excel (Windows-1251, `;`). */
const INFORMANTS = ['ФИО;Псевдоним;Пол;Год рождения;Работа', 'Гаврилова Нина Петровна;Нина Г.;female;1951;крановщица', 'Жуков Олег Ильич;;male;1962;наладчик'].join('\r\n');

async function openApp(page: Page): Promise<void> {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
}

test('imports an informant list from a CSV through the command palette, with a column mapped by hand', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill('Import a case list');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import a case list' });
  await expect(dialog).toBeVisible();

  await dialog.locator('input[type="file"]').setInputFiles({ name: 'informants.csv', mimeType: 'text/csv', buffer: iconv.encode(INFORMANTS, 'win1251') });
  await dialog.getByRole('combobox', { name: 'Cases of type' }).click();
  await page.getByRole('option', { name: 'Informant', exact: true }).click();

  // The mapping guessed from the Russian headers…
  const columns = dialog.getByRole('table', { name: 'Columns and what they hold' });
  await expect(columns.getByRole('combobox', { name: 'Use of the column “ФИО”' })).toHaveValue('Name');
  await expect(columns.getByRole('combobox', { name: 'Use of the column “Псевдоним”' })).toHaveValue('Other spellings (aliases)');
  await expect(columns.getByRole('combobox', { name: 'Use of the column “Пол”' })).toHaveValue('Gender');
  await expect(columns.getByRole('combobox', { name: 'Use of the column “Год рождения”' })).toHaveValue('Year of birth');
  // …and one column mapped by hand to an existing attribute.
  const work = columns.getByRole('combobox', { name: 'Use of the column “Работа”' });
  await expect(work).toHaveValue('Ignore');
  await work.click();
  await page.getByRole('option', { name: 'Post / occupation (as named)' }).click();
  await expect(work).toHaveValue('Post / occupation (as named)');

  const preview = dialog.getByRole('table', { name: 'What each row will do' });
  await expect(preview.getByRole('row')).toHaveCount(3); // the header and two informants
  await expect(preview.getByRole('row', { name: /Гаврилова Нина Петровна/ })).toContainText('New');
  await expect(dialog.getByText('2 new cases', { exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Case list imported: 2 new cases' })).toBeVisible();

  const cases = page.getByRole('tree', { name: 'Cases' });
  await cases.getByRole('treeitem', { name: /^Informant/ }).click();
  await cases.getByRole('treeitem', { name: 'Гаврилова Нина Петровна' }).click();
  const editor = page.getByRole('form', { name: 'Гаврилова Нина Петровна' });
  await expect(editor.getByRole('textbox', { name: 'Post / occupation (as named)' })).toHaveValue('крановщица');
  await expect(editor.getByRole('textbox', { name: 'Year of birth' })).toHaveValue('1951');
});
