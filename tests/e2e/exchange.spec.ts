import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Core } from '../../src-main/core/host';
import { E2E_URL } from './config';
import { command } from './steps';

/**
 * Олег works on his copy away from the browser — a new code and one coding with it — and sends
 * back a bundle of what he did since he got the copy.
 */
async function colleagueCodes(copy: string, bundle: string): Promise<void> {
  const core = new Core();
  try {
    const client = core.client();
    await client.call('project.open', { path: copy, actor: { name: 'Олег Ким' } });
    const since = new Date().toISOString();
    const code = await client.call('codes.create', { name: 'Калым (e2e)' });
    const [document] = await client.call('documents.list', {});
    await client.call('codings.apply', { documentId: document!.id, codeId: code.id, start: 0, end: 12 });
    await client.call('exchange.exportBundle', { path: bundle, since });
  } finally {
    await core.dispose();
  }
}

test('hands a colleague a copy, previews and merges the bundle of their work, and undoes the merge', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Show team');
  const panel = page.getByRole('region', { name: 'Work with colleagues’ copies' });

  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Copy of the project for a colleague' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.quire$/);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-e2e-exchange-'));
  const copy = path.join(folder, 'oleg.quire');
  await download.saveAs(copy);
  const bundle = path.join(folder, 'oleg.quirebundle');
  await colleagueCodes(copy, bundle);

  await panel.getByRole('button', { name: 'Merge a colleague’s work…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge a colleague’s work' });
  await dialog.getByLabel('Colleague’s copy or bundle').setInputFiles(bundle);
  await expect(dialog.getByText('oleg.quirebundle: work by Олег Ким')).toBeVisible();
  const counts = dialog.getByRole('table', { name: 'What merging brings' });
  await expect(counts.getByRole('row', { name: /^New codings\s+1$/ })).toBeVisible();
  await expect(counts.getByRole('row', { name: /^New codes\s+1$/ })).toBeVisible();
  await expect(counts.getByRole('row', { name: /^To review \(both of you changed it\)\s+0$/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Team' }).getByText('Олег Ким', { exact: true })).toBeVisible();

  await panel.getByRole('button', { name: 'Review list (nothing open)' }).click();
  const review = page.getByRole('dialog', { name: 'Review list: what merges decided' });
  await expect(review.getByText('Nothing to review.')).toBeVisible();
  await review.getByRole('button', { name: 'Close' }).click();

  // Leave the sample as it was for later specs: the merge is one step to undo.
  await command(page, 'Undo');
  await expect(page.getByRole('list', { name: 'Team' }).getByText('Олег Ким', { exact: true })).toHaveCount(0);
  fs.rmSync(folder, { recursive: true, force: true });
});
