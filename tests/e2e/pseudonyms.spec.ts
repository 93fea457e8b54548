import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';
import { command } from './steps';

test('registers a pseudonym, refuses a colliding one, shows pseudonyms in the excerpts and checks a file for leaks', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Pseudonyms');
  await expect(page.getByRole('heading', { name: 'Pseudonyms' })).toBeVisible();
  const registry = page.getByRole('table', { name: 'Pseudonym registry' });
  await expect(registry.getByRole('row', { name: /ЛенКон\s+Станкомаш/ })).toBeVisible(); // from the sample

  // Empty and colliding entries are refused in the form, in words.
  await page.getByRole('button', { name: 'Add an entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pseudonym' });
  await dialog.getByRole('textbox', { name: 'Real name' }).fill('заводоуправление');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Write the pseudonym.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Pseudonym' }).fill('Кольца');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('a form of the real name Кольца');
  await dialog.getByRole('textbox', { name: 'Pseudonym' }).fill('Контора');
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Place' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(registry.getByRole('row', { name: /Place\s+заводоуправление\s+Контора/ })).toBeVisible();

  // The Excerpts view shows real names as pseudonyms only while the toggle is on.
  await command(page, 'Excerpts');
  await page.getByRole('button', { name: 'Clear query' }).click();
  await page.getByRole('combobox', { name: 'Codes' }).fill('Klassnost');
  await page.getByRole('option', { name: /Klassnost$/ }).click();
  await page.keyboard.press('Escape');
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list.getByText(/\(field notes, ЛенКон, /).first()).toBeVisible();
  const toggle = page.getByRole('switch', { name: 'Show pseudonyms' });
  await toggle.check();
  await expect(list.getByText(/\(field notes, Станкомаш, /).first()).toBeVisible();
  await expect(list.getByText(/ЛенКон/)).toHaveCount(0);
  await expect(list.getByRole('button', { name: /^Open “Полевые заметки: «Станкомаш», контора, / }).first()).toBeVisible();
  await toggle.uncheck();
  await expect(list.getByText(/\(field notes, ЛенКон, /).first()).toBeVisible();

  // A file with a real name in it is caught; a clean one passes.
  await page.getByRole('tab', { name: /^Pseudonyms/ }).click();
  const fileInput = page.getByLabel('File to check for leaks');
  await fileInput.setInputFiles({ name: 'draft.txt', mimeType: 'text/plain', buffer: Buffer.from('Директор «Колец» не ответил.\nНа Втулке всё спокойно.', 'utf8') });
  await expect(page.getByText('1 real name found in draft.txt')).toBeVisible();
  const leaks = page.getByRole('table', { name: 'Real names found in draft.txt' });
  await expect(leaks.getByRole('row', { name: /1\s+Колец\s+Кольца\s+Втулка/ })).toBeVisible();
  await fileInput.setInputFiles({ name: 'clean.txt', mimeType: 'text/plain', buffer: Buffer.from('На Втулке всё спокойно.', 'utf8') });
  await expect(page.getByText(/^No registered real name or alias in clean\.txt/)).toBeVisible();

  // Leave the sample as it was for later specs.
  await registry.getByRole('button', { name: 'Remove заводоуправление' }).click();
  await expect(registry.getByText('заводоуправление')).toHaveCount(0);
});
