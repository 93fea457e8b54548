import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Core } from '../../src-main/core/host';
import { E2E_URL } from './config';
import { command } from './steps';

/**
 * Олег works on his copy away from the browser: a new code, put on a passage a colleague of the
 * sample coded with another code, and sends back a bundle of what he did since he got the copy.
 * Answers who coded that passage, and with which code.
 */
async function colleagueCodes(copy: string, bundle: string): Promise<{ coder: string; code: string }> {
  const core = new Core();
  try {
    const client = core.client();
    await client.call('project.open', { path: copy, actor: { name: 'Олег Ким' } });
    const since = new Date().toISOString();
    const [theirs] = await client.call('codings.list', { limit: 1 });
    const code = await client.call('codes.create', { name: 'Калым (e2e)' });
    await client.call('codings.apply', { documentId: theirs!.documentId, codeId: code.id, start: theirs!.start, end: theirs!.end });
    await client.call('exchange.exportBundle', { path: bundle, since });
    return {
      coder: (await client.call('members.list', {})).find((m) => m.id === theirs!.coderId)!.name,
      code: (await client.call('codes.list', {})).find((c) => c.id === theirs!.codeId)!.name,
    };
  } finally {
    await core.dispose();
  }
}

test('hands a colleague a copy, merges the bundle of their work, adjudicates where the two disagree, and undoes it', async ({ page }) => {
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
  const other = await colleagueCodes(copy, bundle);

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

  // The two copies coded the same passage with different codes: the adjudication queue shows it.
  await command(page, 'Adjudicate: disagreements between two coders');
  for (const [field, name] of [['Coder A', 'Олег Ким'], ['Coder B', other.coder]] as const) {
    await page.getByRole('combobox', { name: field, exact: true }).click();
    await page.getByRole('option', { name, exact: true }).click();
  }
  const queue = page.getByRole('list', { name: `Disagreements between Олег Ким and ${other.coder}` });
  const differ = queue.getByRole('article').filter({ hasText: 'Different codes' }).filter({ hasText: 'Калым (e2e)' });
  await expect(differ).toBeVisible();
  await expect(differ.getByRole('region', { name: `B: ${other.coder}` })).toContainText(other.code);
  await differ.getByRole('button', { name: `Accept B (${other.coder})` }).click();
  await expect(differ).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(differ).toBeVisible();

  // Leave the sample as it was for later specs: the merge is one step to undo.
  await command(page, 'Undo');
  await expect(page.getByRole('list', { name: 'Team' }).getByText('Олег Ким', { exact: true })).toHaveCount(0);
  fs.rmSync(folder, { recursive: true, force: true });
});
