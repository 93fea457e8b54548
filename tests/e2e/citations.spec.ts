import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';
import { command } from './steps';

test('edits a citation template and sees citations change in Excerpts, adds a translation, and undoes both', async ({ page }) => {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Excerpts');
  await page.getByRole('button', { name: 'Clear query' }).click();
  await page.getByRole('combobox', { name: 'Codes' }).fill('Klassnost');
  await page.getByRole('option', { name: /Klassnost$/ }).click();
  await page.keyboard.press('Escape');
  const list = page.getByRole('list', { name: 'Excerpts' });
  await expect(list.getByText(/^\(interview with (a|an|the) .+\)$/).first()).toBeVisible();

  // Every excerpt has a quote id with a button to copy it.
  const first = list.getByRole('listitem').first();
  const quoteId = first.getByLabel(/^Quote id: /);
  await expect(quoteId).toHaveText(/^[A-Z0-9-]+:q\d+$/);
  const id = (await quoteId.textContent())!;
  await expect(first.getByRole('button', { name: `Copy quote id ${id}` })).toBeVisible();
  const title = (await first.getByRole('button', { name: /^Open “/ }).textContent())!;

  // The interview template in English: a field that does not exist is refused inline, a good one is saved.
  await page.getByRole('button', { name: 'Citation templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Citation templates' });
  const template = dialog.getByRole('textbox', { name: 'Template (Interview, English)' });
  await expect(template).toHaveValue('({kind}[ with {role}][, {enterprise}][, {date}])');
  await template.fill('({role_plain}, {foo})');
  await expect(dialog.getByText(/The template uses \{foo\}, which is not a field/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save template: Template (Interview, English)' })).toBeDisabled();
  await template.fill('({role_plain}[, {date}]; {quote_id})');
  await expect(dialog.getByLabel('Preview: Template (Interview, English)')).toHaveText(/^Preview: \(.+; [A-Z0-9-]+:q\d+\)$/);
  await dialog.getByRole('button', { name: 'Save template: Template (Interview, English)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Citation template saved.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(list.getByText(/^\([^()]+; [A-Z0-9-]+:q\d+\)$/).first()).toBeVisible();
  await expect(list.getByText(/^\(interview with /)).toHaveCount(0);

  // A translation beside the first excerpt.
  await first.getByRole('button', { name: /^Add translation: / }).click();
  const editor = page.getByRole('dialog', { name: 'Translation of the excerpt' });
  await editor.getByRole('textbox', { name: 'Translation', exact: true }).fill('A translation made by the e2e test');
  await editor.getByRole('textbox', { name: 'Translator' }).fill('E. Tester');
  await editor.getByRole('button', { name: 'Save translation' }).click();
  await expect(editor).toBeHidden();
  const translation = first.getByRole('figure', { name: 'Translation (en)' });
  await expect(translation).toContainText('A translation made by the e2e test');
  await expect(translation).toContainText('Draft');

  // Undo both: the sample project is shared with later specs.
  await page.getByRole('heading', { name: 'Coded excerpts' }).click();
  await page.keyboard.press('Control+z');
  await expect(first.getByRole('figure', { name: 'Translation (en)' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(list.getByText(/^\(interview with (a|an|the) .+\)$/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Citation templates' }).click();
  await expect(page.getByRole('dialog', { name: 'Citation templates' }).getByRole('textbox', { name: 'Template (Interview, English)' })).toHaveValue(
    '({kind}[ with {role}][, {enterprise}][, {date}])',
  );
  await page.getByRole('dialog', { name: 'Citation templates' }).getByRole('button', { name: 'Close' }).last().click();

  // A quote id copied into a draft opens its passage again in the reader.
  await page.getByRole('textbox', { name: 'Open a quote id' }).fill(id.toLowerCase());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: `Text of ${title}` })).toBeVisible();
  await expect(page.getByText(/characters? selected/)).toBeVisible();
});
