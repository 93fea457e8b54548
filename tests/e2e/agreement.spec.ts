import { expect, test } from '@playwright/test';
import type { Member } from '../../src-shared/model/entities';
import { cohenKappa, krippendorffAlpha, percentAgreement, roundCoefficient, roundPercent } from '../../src-shared/stats/agreement';
import { E2E_URL } from './config';
import { apiCall, command } from './steps';

const CODE = 'Agreement check (e2e)';

test('two coders code the same paragraphs of an interview; the Agreement view shows their figures and explains them', async ({ page, request }) => {
  // Two team members code twelve paragraphs with a new code: eight alike, four not.
  const members = (await apiCall(request, 'members.list', {})).slice(0, 2);
  const [a, b] = members as [Member, Member];
  const documents = await apiCall(request, 'documents.list', { kind: 'interview' });
  const detail = await apiCall(request, 'documents.get', { id: documents[0]!.id });
  const segments = detail.segments.filter((s) => s.end > s.start).slice(0, 12);
  expect(segments).toHaveLength(12);
  const code = await apiCall(request, 'codes.create', { name: CODE });
  let undo = 1;
  try {
    const byA = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const byB = [0, 1, 2, 3, 4, 5, 6, 7, 10, 11];
    const codings = [...byA.map((i) => ({ coderId: a.id, i })), ...byB.map((i) => ({ coderId: b.id, i }))].map(({ coderId, i }) => ({
      documentId: detail.id,
      codeId: code.id,
      coderId,
      start: segments[i]!.start,
      end: segments[i]!.end,
    }));
    await apiCall(request, 'codings.applyMany', { codings });
    undo++;

    const ratings = segments.map((_, i) => [byA.includes(i) ? 1 : 0, byB.includes(i) ? 1 : 0]);
    const number = new Intl.NumberFormat('en-GB');
    const show = (x: number | null) => (x === null ? 'cannot be computed' : number.format(roundCoefficient(x)));
    const percent = `${number.format(roundPercent(percentAgreement(ratings).value!))} %`;
    const kappa = show(cohenKappa(ratings.map((r) => r[0]!), ratings.map((r) => r[1]!)).value);
    const alpha = show(krippendorffAlpha(ratings).value);

    await page.goto(E2E_URL);
    await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
    await command(page, 'Agreement: how consistently coders apply the codes');
    const work = page.getByRole('main', { name: 'Work area' });
    await expect(work.getByRole('heading', { name: 'Inter-coder agreement' })).toBeVisible();
    await expect(work.getByText('Choose two or more coders to compare.')).toBeVisible();

    const coders = work.getByRole('combobox', { name: 'Coders' });
    for (const m of [a, b]) {
      await coders.click();
      await page.getByRole('option', { name: `${m.name} (${m.initials})` }).click();
    }
    await page.keyboard.press('Escape');
    const codes = work.getByRole('combobox', { name: 'Codes' });
    await codes.click();
    await codes.fill('Agreement check');
    await page.getByRole('option', { name: CODE }).click();
    await page.keyboard.press('Escape');

    const table = work.getByRole('table', { name: `Agreement of ${a.name}, ${b.name} by paragraph` });
    await expect(table).toBeVisible();
    const row = table.getByRole('row', { name: new RegExp(`^${CODE.replace(/[()]/g, '\\$&')}`) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('12');
    await expect(row.getByRole('cell').nth(1)).toHaveText(percent);
    await expect(row.getByRole('cell').nth(2)).toHaveText(kappa);
    await expect(row.getByRole('cell').nth(4)).toHaveText(alpha);
    // Uncoded paragraphs of this interview are left out, and the view says so.
    await expect(work.getByText(/^Left out: [\d,]+ paragraphs nobody coded with these codes/)).toBeVisible();
    // Each figure is explained in plain words.
    const help = work.getByRole('region', { name: 'What the figures mean' });
    await expect(help.getByText("Krippendorff's α", { exact: true })).toBeVisible();
    await expect(help.getByText(/no more agreement than chance/)).toBeVisible();

    // By character: α_u appears.
    await page.getByRole('radiogroup', { name: 'Unit' }).getByText('Characters', { exact: true }).click();
    const byCharacter = work.getByRole('table', { name: `Agreement of ${a.name}, ${b.name} by characters` });
    await expect(byCharacter.getByRole('columnheader', { name: 'α_u' })).toBeVisible();
    await expect(byCharacter.getByRole('row', { name: new RegExp(`^${CODE.replace(/[()]/g, '\\$&')}`) }).getByRole('cell').nth(5)).toHaveText(/^-?0\.\d+$|^1$/);
  } finally {
    // Leave the sample project as other specs expect it.
    for (let k = 0; k < undo; k++) await apiCall(request, 'history.undo', {});
  }
});
