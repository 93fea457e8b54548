import { expect, test } from '@playwright/test';
import iconv from 'iconv-lite';
import { E2E_URL } from './config';

test('shots', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shot0.png' });
  await page.getByRole('button', { name: 'Import documents…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import documents' });
  await page.screenshot({ path: '/tmp/shot1.png' });
  const t = ['И: Как у вас на заводе распределяют сверхурочные работы?', 'Р: Мастер даёт своим. (смеётся) Кто с ним в ладах, тот и работает в субботу, а осталь-', 'ные молчат.'].join('\r\n');
  await dialog.getByLabel('Files to import').setInputFiles([
    { name: 'Кольца_1993-06_интервью_Иванов.txt', mimeType: 'text/plain', buffer: iconv.encode(t, 'win1251') },
    { name: 'Кольца_1993-07_заметка_Петров.txt', mimeType: 'text/plain', buffer: iconv.encode(t, 'koi8-r') },
    { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 garbage') },
    { name: 'manifest.csv', mimeType: 'text/csv', buffer: Buffer.from('file;title\nx.txt;X\n') },
  ]);
  await expect(dialog.getByRole('table', { name: 'Documents to import' })).toBeVisible();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/shot2.png', fullPage: true });
  await dialog.getByRole('textbox', { name: 'Filename pattern' }).fill('{enterprise}_{date}_{kind}_{informant}');
  await dialog.getByRole('button', { name: 'Apply pattern' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/shot3.png' });
  await dialog.getByRole('region', { name: /Кольца_1993-06/ }).screenshot({ path: '/tmp/shot4.png' });
  await dialog.getByRole('checkbox', { name: /^Join hyphenated/ }).uncheck();
  await page.waitForTimeout(500);
  await dialog.getByRole('region', { name: /Кольца_1993-06/ }).screenshot({ path: '/tmp/shot5.png' });
  await dialog.getByRole('button', { name: /^Import 2/ }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/shot6.png' });
  await dialog.getByRole('button', { name: /^Open Кольца_1993-06/ }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/shot7.png' });
  await page.getByText('Русский', { exact: true }).click();
  await page.getByRole('button', { name: 'Импорт документов…' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shot8.png' });
});
