import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';

const TITLE = 'Интервью с мастером (ЦПА), «Кольца», май 1993 г.';

test('a researcher links a speaker label of an opened interview to a case, sees it counted so, and undoes it', async ({ page }) => {
  await page.goto(E2E_URL);
  await page.getByRole('textbox', { name: 'Filter' }).fill('мастером (ЦПА)');
  const tree = page.getByRole('tree', { name: 'Documents' });
  await tree.getByRole('treeitem', { name: /^Самарская область/ }).click();
  await tree.getByRole('treeitem', { name: /^Кольца/ }).click();
  await tree.getByRole('treeitem', { name: /^Interview/ }).click();
  await tree.getByRole('treeitem', { name: new RegExp(`^${TITLE.replace(/[()]/g, '\\$&')}`) }).click();

  const speakers = page.getByRole('region', { name: 'Speakers' });
  await expect(speakers.getByRole('list', { name: 'Speaker labels' }).getByRole('listitem')).toHaveCount(2);
  const interviewer = speakers.getByRole('combobox', { name: '“И” speaks for' });
  const informant = speakers.getByRole('combobox', { name: '“Р” speaks for' });
  await expect(informant).toHaveValue('Тамара Михайловна Прохорова');
  await expect(interviewer).toHaveValue('');
  await expect(speakers.getByText('78 turns · counted as the interviewer’s')).toBeVisible();

  // From the text to its speakers, then by keyboard: typed, picked, and counted as an informant's turns.
  await page.getByRole('button', { name: 'Speakers', exact: true }).click();
  await expect(interviewer).toBeFocused();
  await page.keyboard.type('Прохорова');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '“И” now speaks for “Тамара Михайловна Прохорова”' })).toBeVisible();
  await expect(interviewer).toHaveValue('Тамара Михайловна Прохорова');
  await expect(speakers.getByText('78 turns · counted as the interviewer’s')).toBeHidden();
  await expect(speakers.getByText('78 turns · counted as an informant’s')).toHaveCount(2);

  // Outside the field Ctrl+Z is the project's undo: the label is the interviewer's again.
  await speakers.getByRole('heading', { name: 'Speakers' }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: `Undone: Linked “И” in “${TITLE}” to the case “Тамара Михайловна Прохорова”` })).toBeVisible();
  await expect(interviewer).toHaveValue('');
  await expect(speakers.getByText('78 turns · counted as the interviewer’s')).toBeVisible();
});
