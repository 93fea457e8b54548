import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';

test('says what Ctrl+Z undid and Ctrl+Shift+Z redid in the interface’s language', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await page.getByText('Русский', { exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Навигатор проекта' });
  await nav.getByRole('tab', { name: 'Кодовая книга' }).click();
  await page.getByRole('tree', { name: 'Кодовая книга' }).getByRole('treeitem', { name: /^G\. Paternalism/ }).click();
  const editor = page.getByRole('form', { name: 'G. Paternalism' });
  const example = editor.getByRole('textbox', { name: 'Пример' });
  const before = await example.inputValue();
  await example.fill('«Директор у нас как отец родной, а мы ему дети»');
  await editor.getByRole('button', { name: 'Сохранить код' }).click();

  await page.getByRole('heading', { name: 'G. Paternalism', level: 3 }).click(); // outside any text field: Ctrl+Z is the app's
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Отменено: Изменён код «G. Paternalism»' })).toBeVisible();
  await expect(example).toHaveValue(before);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').filter({ hasText: 'Повторено: Изменён код «G. Paternalism»' })).toBeVisible();
  // The code's history says why in the same words.
  const history = page.getByRole('region', { name: 'История' });
  await expect(history.getByText('Почему: Изменён код «G. Paternalism»').first()).toBeVisible();

  // Later specs see the sample as it was, in English.
  await page.keyboard.press('Control+z');
  await expect(example).toHaveValue(before);
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
});
