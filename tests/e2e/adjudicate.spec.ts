import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { E2E_URL } from './config';
import { apiCall, command } from './steps';

async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Two members code the same interview (Irina at this computer, a colleague through the API), with
 * two codes made for the test so the sample's own disagreements stay out of the queue; the
 * adjudicator sees the disagreements side by side, accepts one, keeps another by key, and undoes
 * both. The sample project is left as it was.
 */
test('two coders’ disagreements on one interview are listed side by side, decided and undone', async ({ page, request }) => {
  // A long walk (two decisions, two undos, the Reader): more than the default minute on a busy machine.
  test.slow();
  const members = await apiCall(request, 'members.list', {});
  const irina = members.find((m) => m.name === 'Ирина Соколова')!;
  const other = members.find((m) => m.id !== irina.id)!;
  const interview = (await apiCall(request, 'documents.list', {})).find((d) => d.kind === 'interview')!;
  const { text } = await apiCall(request, 'documents.get', { id: interview.id });
  const words = [...text.matchAll(/\p{L}{4,}/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const span = (from: number, to: number) => ({ start: words[from]!.start, end: words[to]!.end });
  const mine = await apiCall(request, 'codes.create', { name: 'E2E: власть цеха' });
  const theirs = await apiCall(request, 'codes.create', { name: 'E2E: патернализм' });
  const on = (coderId: string, codeId: string, s: { start: number; end: number }) => ({ documentId: interview.id, codeId, coderId, ...s });
  await apiCall(request, 'codings.applyMany', {
    codings: [
      // Agreed: not listed.
      on(irina.id, mine.id, span(10, 14)),
      on(other.id, mine.id, span(10, 14)),
      // Only Irina.
      on(irina.id, mine.id, span(30, 34)),
      // The same words, different codes.
      on(irina.id, mine.id, span(50, 53)),
      on(other.id, theirs.id, span(50, 53)),
    ],
  });

  try {
    await page.goto(E2E_URL);
    await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
    await command(page, 'Adjudicate: disagreements between two coders');
    const work = page.getByRole('main', { name: 'Work area' });
    await expect(work.getByRole('heading', { name: 'Disagreements between two coders' })).toBeVisible();
    await choose(page, 'Coder A', irina.name);
    await choose(page, 'Coder B', other.name);
    const codes = page.getByRole('combobox', { name: 'Codes', exact: true });
    await codes.click();
    await page.getByRole('option', { name: mine.name, exact: true }).click();
    await page.getByRole('option', { name: theirs.name, exact: true }).click();
    await page.keyboard.press('Escape');

    const status = work.getByRole('status').filter({ hasText: /disagreements? left/ });
    await expect(status).toHaveText(/^2 disagreements left/);
    const queue = work.getByRole('list', { name: `Disagreements between ${irina.name} and ${other.name}` });
    const onlyA = queue.getByRole('article').filter({ hasText: 'Only A coded' });
    const codesDiffer = queue.getByRole('article').filter({ hasText: 'Different codes' });
    await expect(onlyA).toBeVisible();
    await expect(codesDiffer).toBeVisible();
    // Side by side: A's passage with its code, B's with theirs.
    await expect(codesDiffer.getByRole('region', { name: `A: ${irina.name}` })).toContainText(mine.name);
    await expect(codesDiffer.getByRole('region', { name: `B: ${other.name}` })).toContainText(theirs.name);
    await expect(codesDiffer.getByRole('region', { name: `B: ${other.name}` })).toContainText(text.slice(words[50]!.start, words[53]!.end));
    await expect(onlyA.getByRole('region', { name: `B: ${other.name}` })).toContainText('Did not code this passage');

    // Accept A: the colleague now has Irina's coding.
    await onlyA.getByRole('button', { name: `Accept A (${irina.name})` }).click();
    await expect(status).toHaveText(/^1 disagreement left/);
    const theirsNow = await apiCall(request, 'codings.list', { documentId: interview.id, coderId: other.id, codeId: mine.id });
    expect(theirsNow.map((c) => [c.start, c.end])).toContainEqual([span(30, 34).start, span(30, 34).end]);
    // Undo brings it back.
    await page.keyboard.press('Control+z');
    await expect(status).toHaveText(/^2 disagreements left/);
    expect(await apiCall(request, 'codings.list', { documentId: interview.id, coderId: other.id, codeId: mine.id })).toHaveLength(1);

    // By keyboard: H keeps both; undone again.
    await codesDiffer.focus();
    await page.keyboard.press('h');
    await expect(status).toHaveText(/^1 disagreement left/);
    await expect(status).toContainText('1 kept as they are or noted for the codebook');
    await page.keyboard.press('Control+z');
    await expect(status).toHaveText(/^2 disagreements left/);

    // Open in the Reader: the two coders compared side by side.
    await codesDiffer.getByRole('button', { name: 'Open in the Reader' }).click();
    await expect(page.getByRole('status', { name: new RegExp(`^Comparing ${irina.name} \\(A, left\\) and ${other.name} \\(B, right\\)`) })).toBeVisible();
    await expect(page.getByRole('button', { name: new RegExp(`^${irina.name}, ${mine.name}: .* — the coders chose different codes$`) }).first()).toBeAttached();
    // The Coders menu switches the comparison off again: everyone's stripes, no legend.
    await page.getByRole('button', { name: 'Comparing coders' }).click();
    await page.getByRole('switch', { name: 'Compare two coders' }).uncheck();
    await expect(page.getByRole('status', { name: /^Comparing / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /— the coders chose different codes$/ })).toHaveCount(0);
  } finally {
    // Whatever is still done of this test (decisions, the codings, the two codes), newest first:
    // the sample as it was.
    const ours = async () => (await apiCall(request, 'codes.list', {})).some((c) => c.name.startsWith('E2E:'));
    for (let i = 0; i < 6 && (await ours()); i++) await apiCall(request, 'history.undo', {});
  }
  expect((await apiCall(request, 'codes.list', {})).some((c) => c.name.startsWith('E2E:'))).toBe(false);
});
