import fs from 'node:fs';
import mammoth from 'mammoth';
import { expect, test } from '@playwright/test';
import { E2E_URL } from './config';
import { addKlassnostToAgenda, command } from './steps';

/**
 * The weekly review of issue 9: a team lead prepares a meeting from what is new in the sample,
 * presents three items, recodes one, refines a code's definition, keeps the third, and exports
 * the minutes; then takes every change back (the specs share one sample project).
 */
test('prepares a meeting from what is new, presents it, decides, exports the minutes and undoes it all', async ({ page }) => {
  // The whole weekly review in one run: longer than one screen's spec.
  test.setTimeout(180_000);
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Meetings');
  await expect(page.getByRole('heading', { name: 'Meetings', exact: true })).toBeVisible();

  // Plan the meeting.
  await page.getByRole('button', { name: 'New meeting' }).click();
  const planning = page.getByRole('dialog', { name: 'New meeting' });
  await planning.getByRole('button', { name: 'Save' }).click();
  await expect(planning.getByText('Write the team’s name.')).toBeVisible();
  await planning.getByRole('combobox', { name: 'Team' }).fill('Самарская группа');
  await planning.getByRole('textbox', { name: 'Title' }).fill('Week 48 (e2e)');
  await planning.getByRole('button', { name: 'Add everyone of Самарская группа' }).click();
  await planning.getByRole('button', { name: 'Save' }).click();
  await expect(planning).toBeHidden();
  const meetings = page.getByRole('table', { name: 'Meetings' });
  await expect(meetings.getByRole('row', { name: /Самарская группа\s+Open the meeting Week 48 \(e2e\)\s+0 of 0 items/ })).toBeVisible();
  const meeting = page.getByRole('region', { name: 'Meeting Week 48 (e2e)' });
  await expect(meeting.getByText('The team’s first meeting: everything counts as new')).toBeVisible();

  // "New since last meeting", filtered to one code, three of its passages ticked and added.
  const agenda = await addKlassnostToAgenda(page, meeting);
  await expect(meeting.getByRole('heading', { name: 'Agenda (3 items)' })).toBeVisible();

  // Reordered by keyboard: the moved item keeps the focus.
  const second = (await agenda.getByRole('listitem').nth(1).getAttribute('aria-label'))!.replace(/^Item 2: /, '');
  await agenda.getByRole('button', { name: 'Move item 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(agenda.getByRole('listitem').first()).toHaveAttribute('aria-label', `Item 1: ${second}`);
  await expect(agenda.getByRole('button', { name: 'Move item 1 down' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAttribute('aria-label', `Item 2: ${second}`);
  await expect(agenda.getByRole('button', { name: 'Move item 2 down' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(agenda.getByRole('listitem').first()).toHaveAttribute('aria-label', `Item 1: ${second}`);
  // And by dragging: the last item dropped on the first takes its place.
  const third = (await agenda.getByRole('listitem').nth(2).getAttribute('aria-label'))!.replace(/^Item 3: /, '');
  await agenda.getByRole('listitem').nth(2).dragTo(agenda.getByRole('listitem').first());
  await expect(agenda.getByRole('listitem').first()).toHaveAttribute('aria-label', `Item 1: ${third}`);
  await expect(agenda.getByRole('listitem').nth(1)).toHaveAttribute('aria-label', `Item 2: ${second}`);

  // Presenter mode, moved through by keyboard.
  await meeting.getByRole('button', { name: 'Present', exact: true }).click();
  const presenter = page.getByRole('dialog', { name: 'Presenting: Week 48 (e2e)' });
  await expect(presenter.getByText('Item 1 of 3')).toBeVisible();
  await expect(presenter.getByRole('article', { name: 'Item 1' }).getByText('Klassnost', { exact: true })).toBeVisible();
  await expect(presenter.getByLabel('Citation')).toContainText(/\(.+, ЛенКон, .*\d{4}\)/);
  await page.keyboard.press('ArrowRight');
  await expect(presenter.getByText('Item 2 of 3')).toBeVisible();
  await page.keyboard.press('End');
  await expect(presenter.getByText('Item 3 of 3')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(presenter.getByText('Item 1 of 3')).toBeVisible();

  // Item 1: recoded, with a discussion note.
  await presenter.getByRole('button', { name: 'Decide' }).click();
  await presenter.getByRole('radio', { name: 'Recode' }).check();
  await presenter.getByRole('combobox', { name: 'Recode to' }).fill('Bonus');
  await page.getByRole('option', { name: /› Bonus$/ }).click();
  await presenter.getByRole('textbox', { name: 'Discussion note' }).fill('A bonus, not a class: it is paid once.');
  await presenter.getByRole('button', { name: 'Record the decision' }).click();
  const decision = presenter.getByRole('region', { name: 'Decision' });
  await expect(decision.getByText('Klassnost → Bonus')).toBeVisible();
  await expect(decision.getByText('A bonus, not a class: it is paid once.')).toBeVisible();

  // Item 2: the definition of Klassnost refined.
  await presenter.getByRole('button', { name: 'Next →' }).click();
  await expect(presenter.getByText('Item 2 of 3')).toBeVisible();
  await presenter.getByRole('button', { name: 'Decide' }).click();
  await presenter.getByRole('radio', { name: 'Refine definition' }).check();
  await expect(presenter.getByRole('textbox', { name: 'Definition' })).toHaveValue(/^The class-based loyalty bonus/);
  await presenter.getByRole('textbox', { name: 'Definition' }).fill('The class-based loyalty bonus, awarded for length of service; a one-off payment is a Bonus.');
  await presenter.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision.getByText('Refine definition')).toBeVisible();

  // Item 3: kept as coded; Escape leaves.
  await page.keyboard.press('PageDown');
  await expect(presenter.getByText('Item 3 of 3')).toBeVisible();
  await presenter.getByRole('button', { name: 'Decide' }).click();
  await presenter.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decision.getByText('Keep')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(presenter).toBeHidden();
  await expect(meetings.getByRole('row', { name: /Open the meeting Week 48 \(e2e\)\s+3 of 3 items/ })).toBeVisible();
  await expect(agenda.getByRole('listitem').first().getByText('Klassnost → Bonus')).toBeVisible();

  // The minutes: generated, and exported as Markdown and Word.
  const minutes = meeting.getByRole('textbox', { name: 'Minutes' });
  await expect(minutes).toHaveValue(/\*\*Decision:\*\* Recoded \(from Klassnost to Bonus\)/);
  await expect(minutes).toHaveValue(/New definition: The class-based loyalty bonus, awarded for length of service/);
  const markdownDownload = page.waitForEvent('download');
  await meeting.getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = await markdownDownload;
  expect(markdown.suggestedFilename()).toMatch(/^Minutes Самарская группа \d{4}-\d{2}-\d{2}\.md$/);
  const md = fs.readFileSync(await markdown.path(), 'utf8');
  expect(md).toContain('# Week 48 (e2e)');
  expect(md).toContain('A bonus, not a class: it is paid once.');
  const wordDownload = page.waitForEvent('download');
  await meeting.getByRole('button', { name: 'Export Word (DOCX)' }).click();
  const word = await wordDownload;
  expect(word.suggestedFilename()).toMatch(/^Minutes Самарская группа .*\.docx$/);
  const text = (await mammoth.extractRawText({ buffer: fs.readFileSync(await word.path()) })).value;
  expect(text).toContain('Week 48 (e2e)');
  expect(text).toContain('Decision: Recoded (from Klassnost to Bonus)');

  // The code's history names the meeting its definition was refined at, and opens it.
  await page.getByRole('tab', { name: 'Codebook' }).click();
  await page.getByRole('textbox', { name: 'Filter: Codebook' }).fill('Klassnost');
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Klassnost/ }).first().click();
  await page.getByRole('region', { name: 'History' }).getByRole('button', { name: /^Meeting “Week 48 \(e2e\)”/ }).first().click();
  await expect(page.getByRole('region', { name: 'Meeting Week 48 (e2e)' })).toBeVisible();

  await page.getByRole('heading', { name: 'Meetings', exact: true }).click(); // focus outside any text field: Ctrl+Z is the app's
  // Everything taken back, last first: three decisions, four moves, the agenda, the meeting.
  for (const summary of ['Kept a passage as coded', 'Refined the definition of "Klassnost"', 'Recoded a passage from Klassnost to Bonus', 'Set the agenda', 'Set the agenda', 'Set the agenda', 'Set the agenda', 'Set the agenda', 'Planned the meeting']) {
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: `Undone: ${summary}` }).last()).toBeVisible();
  }
  await expect(page.getByText('No meetings yet. Plan the next one of your team.')).toBeVisible();
});
