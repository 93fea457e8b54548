import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { E2E_URL } from './config';

/** A transcript as old Windows machines saved it: Windows-1251, CRLF, a word hyphenated at a line end. */
const TRANSCRIPT = [
  'И: Как у вас на заводе распределяют сверхурочные работы?',
  'Р: Мастер даёт своим. (смеётся) Кто с ним в ладах, тот и работает в субботу, а осталь-',
  'ные молчат, потому что боятся сокращения.',
  'И: А профком что говорит?',
  'Р: Профком у нас при директоре, от него толку мало.',
].join('\r\n');
const FILE_NAME = 'Кольца_1993-06_интервью_Иванов.txt';

/** Bytes that are no Word document (but start like a zip, as a truncated download would). */
function brokenDocx(): Buffer {
  const bytes = Buffer.alloc(2048);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 17) % 256;
  bytes.write('PK\u0003\u0004', 0, 'latin1');
  return bytes;
}

async function openApp(page: Page): Promise<void> {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
}

/** Opens the app and the import dialog from the command palette. */
async function openImportDialog(page: Page): Promise<Locator> {
  await openApp(page);
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill('Import documents');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import documents' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('imports a Windows-1251 transcript with a filename pattern, skips a broken file, opens it and undoes the import', async ({ page }) => {
  const dialog = await openImportDialog(page);

  await dialog.getByLabel('Files to import').setInputFiles([
    { name: FILE_NAME, mimeType: 'text/plain', buffer: iconv.encode(TRANSCRIPT, 'win1251') },
    { name: 'broken.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: brokenDocx() },
  ]);

  // The preview: encoding detected, turns counted, the broken file excluded with its reason.
  const table = dialog.getByRole('table', { name: 'Documents to import' });
  const row = table.getByRole('row', { name: new RegExp(FILE_NAME) });
  await expect(row).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2); // the header and the transcript
  await expect(row.getByRole('cell').nth(2)).toHaveText('Windows-1251 (detected)');
  await expect(row.getByRole('cell').nth(8)).toHaveText('4');
  const failed = dialog.getByRole('region', { name: 'Cannot be imported' });
  await expect(failed.getByRole('listitem')).toHaveCount(1);
  await expect(failed.getByRole('listitem')).toContainText(/broken\.docx: \S+/);

  // A filename pattern fills the date, kind and case.
  const date = row.getByRole('textbox', { name: `Date of ${FILE_NAME}` });
  await expect(date).toHaveValue('');
  await dialog.getByRole('textbox', { name: 'Filename pattern' }).fill('{enterprise}_{date}_{kind}_{*}');
  await dialog.getByRole('button', { name: 'Apply pattern' }).click();
  await expect(date).toHaveValue('1993-06');
  await expect(row.getByRole('combobox', { name: `Kind of ${FILE_NAME}` })).toHaveValue('Interview');
  await expect(row.getByRole('cell').nth(7)).toHaveText('Кольца');
  await expect(dialog.getByRole('textbox', { name: 'Filename pattern' })).toHaveAccessibleDescription(/Braces name a detail/);

  // A bad pattern is explained under the field and changes nothing.
  await dialog.getByRole('textbox', { name: 'Filename pattern' }).fill('{date}{kind}');
  await dialog.getByRole('button', { name: 'Apply pattern' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Filename pattern' })).toHaveAccessibleDescription(/nothing between/);
  await expect(date).toHaveValue('1993-06');

  // The detail pane: the hyphenated word is joined by the suggested clean-up; unticking it brings the break back.
  const excerpt = dialog.getByRole('region', { name: 'Text as it will be imported' });
  await expect(excerpt).toContainText('а остальные молчат');
  const hyphenation = dialog.getByRole('checkbox', { name: 'Join hyphenated words (1)' });
  await expect(hyphenation).toBeChecked();
  await hyphenation.uncheck();
  await expect(excerpt).toContainText('а осталь-\nные молчат');
  await expect(dialog.getByRole('combobox', { name: 'Encoding' })).toHaveValue('Windows-1251 (detected)');

  await dialog.getByRole('button', { name: 'Import 1 document' }).click();

  // The report, and the document opened from it.
  await expect(dialog.getByText('Imported 1 document.')).toBeVisible();
  const imported = dialog.getByRole('table', { name: 'Imported documents' }).getByRole('row', { name: /Кольца_1993-06_интервью_Иванов/ });
  await expect(imported).toContainText('Windows-1251');
  await expect(imported.getByRole('cell').nth(4)).toHaveText('4');
  await imported.getByRole('button', { name: /^Open / }).click();
  await expect(dialog).toBeHidden();
  const text = page.getByRole('list', { name: /^Text of/ });
  await expect(text).toContainText('Мастер даёт своим.');
  // Imported as previewed: without the hyphenation clean-up.
  await expect(text).toContainText('осталь-');

  // Provenance: the original file can be downloaded from the inspector.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const download = page.waitForEvent('download');
  await inspector.getByRole('button', { name: 'Download original file' }).click();
  expect((await download).suggestedFilename()).toBe(FILE_NAME);

  // Outside any text field Ctrl+Z is the project's undo: the whole import goes.
  await page.getByRole('main', { name: 'Work area' }).getByRole('heading', { level: 2 }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /Undone: Imported/ })).toBeVisible();
});

test('files dropped onto the window open the import dialog with them; Cancel stops reading', async ({ page }) => {
  await openApp(page);
  const note = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Полевая заметка. Цех стоит с марта, зарплату не платят.'], 'заметка.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: note });
  await page.dispatchEvent('body', 'drop', { dataTransfer: note });
  const dialog = page.getByRole('dialog', { name: 'Import documents' });
  await expect(dialog).toBeVisible();
  const table = dialog.getByRole('table', { name: 'Documents to import' });
  await expect(table.getByRole('row', { name: /заметка\.txt/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /заметка\.txt/ }).getByRole('cell').nth(2)).toHaveText('UTF-8 (detected)');
  await dialog.getByRole('button', { name: 'Leave out заметка.txt' }).click();
  await expect(table).toBeHidden();

  // Many files: reading shows its progress and stops on Cancel, keeping none of them.
  const paragraph = 'Начальник цеха сказал, что план по подшипникам опять сорвали из-за поставщиков металла. ';
  const files = Array.from({ length: 40 }, (_, i) => ({ name: `заметка-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(paragraph.repeat(1000)) }));
  await dialog.getByLabel('Files to import').setInputFiles(files);
  const progress = dialog.getByRole('progressbar', { name: 'Reading files' });
  await expect(progress).toHaveAttribute('aria-valuetext', /^Reading \d+ of 40: заметка-\d+\.txt$/);
  await dialog.getByRole('button', { name: 'Cancel reading' }).click();
  await expect(progress).toBeHidden();
  await expect(table.getByRole('row', { name: /заметка-40\.txt/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('with "all or nothing" chosen, one unreadable file keeps the whole batch out, and the report says so', async ({ page }) => {
  const dialog = await openImportDialog(page);
  await dialog.getByLabel('Files to import').setInputFiles([
    { name: 'всё-или-ничего.txt', mimeType: 'text/plain', buffer: iconv.encode(TRANSCRIPT, 'win1251') },
    { name: 'broken.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: brokenDocx() },
  ]);
  await expect(dialog.getByRole('table', { name: 'Documents to import' }).getByRole('row', { name: /всё-или-ничего\.txt/ })).toBeVisible();

  const choice = dialog.getByRole('checkbox', { name: 'All or nothing' });
  await expect(choice).not.toBeChecked();
  await expect(choice).toHaveAccessibleDescription(/Import nothing if any file cannot be imported/);
  await choice.focus();
  await page.keyboard.press('Space');
  await expect(choice).toBeChecked();
  await dialog.getByRole('button', { name: 'Import 1 document' }).click();

  await expect(dialog.getByRole('status').filter({ hasText: 'Nothing was imported: 1 file could not be, and you chose all or nothing.' })).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Imported documents' })).toHaveCount(0);
  const skipped = dialog.getByRole('region', { name: 'Skipped' });
  await expect(skipped.getByRole('listitem')).toHaveCount(2);
  await expect(skipped.getByRole('listitem').nth(1)).toContainText('всё-или-ничего.txt: Not imported, because another file could not be');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Nothing reached the project: no document by that name.
  await expect(page.getByRole('navigation', { name: 'Project navigator' }).getByText('всё-или-ничего')).toHaveCount(0);
});
