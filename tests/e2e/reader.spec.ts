import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { E2E_URL } from './config';

/** Opens the first transcript of «Кольца» and returns its text list. */
async function openTranscript(page: Page): Promise<Locator> {
  await page.goto(E2E_URL);
  const tree = page.getByRole('tree', { name: 'Documents' });
  await tree.getByRole('treeitem', { name: /^Самарская область/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Кольца/ }).first().click();
  await tree.getByRole('treeitem', { name: /^Interview/ }).first().click();
  await tree.getByRole('treeitem', { name: /Кольца/ }).filter({ hasNot: page.getByRole('group') }).first().click();
  const text = page.getByRole('list', { name: /^Text of/ });
  await expect(text).toBeVisible();
  return text;
}

/** Drags the mouse across the words of a turn, as a coder selects a passage. */
async function selectWords(page: Page, turn: Locator, fromX: number, toX: number): Promise<void> {
  const words = turn.locator('[data-offset]');
  const box = (await words.boundingBox())!;
  await page.mouse.move(box.x + fromX, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + toX, box.y + 6, { steps: 5 });
  await page.mouse.up();
}

async function pickCode(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Apply a code|Recode as/ });
  await dialog.getByRole('combobox', { name: 'Type a code name' }).fill(name);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

test('a coder codes passages with mouse and keyboard, overlaps, resizes, recodes and undoes', async ({ page }) => {
  const text = await openTranscript(page);
  const turns = text.getByRole('listitem');
  const turn = turns.nth(3);
  const stripes = turn.getByRole('button', { name: /^(Paternalism|Klassnost|Wage arrears)/ });
  const before = await turn.getByRole('button').count();

  // 1. mouse selection, code picked by typing
  await selectWords(page, turn, 4, 160);
  await expect(page.getByText(/characters? selected/)).toBeVisible();
  await page.keyboard.press('q');
  await pickCode(page, 'Wage arrears');
  await expect(turn.getByRole('button', { name: /^Wage arrears and non-payment:/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wage arrears and non-payment', level: 4 })).toBeVisible(); // inspector

  // 2. an overlapping passage with another code, and a new code created from the picker
  await selectWords(page, turn, 80, 260);
  await page.getByRole('button', { name: 'Code… (Q)' }).click();
  await pickCode(page, 'Sausage strike');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await expect(turn.getByRole('button', { name: /^Sausage strike:/ })).toBeVisible();

  // 3. keyboard only: focus the next turn, apply the most recent code with "1"
  await turn.click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('1');
  await expect(turns.nth(4).getByRole('button', { name: /^Sausage strike:/ })).toBeVisible();

  // 4. resize the selected coding by a word, then recode it
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'End one word earlier' }).click();
  await turns.nth(4).click();
  await page.keyboard.press('r');
  await pickCode(page, 'Wage arrears');
  await expect(turns.nth(4).getByRole('button', { name: /^Wage arrears and non-payment:/ })).toBeVisible();

  // 5. undo twice: the recode and the resize are gone, the coding stays
  await page.keyboard.press('Control+z');
  await expect(turns.nth(4).getByRole('button', { name: /^Sausage strike:/ })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /Undone: Resized/ })).toBeVisible();
  expect(await turn.getByRole('button').count()).toBeGreaterThan(before);
  void stripes;

  // 6. resize a coding by dragging the end of its stripe further along the line, then undo it
  const wage = turn.getByRole('button', { name: /^Wage arrears and non-payment:/ });
  const quoted = (await wage.getAttribute('aria-label'))!;
  await wage.click();
  const grip = turn.getByRole('button', { name: 'End of Wage arrears and non-payment: drag to move' });
  const from = (await grip.boundingBox())!;
  const words = (await turn.locator('[data-offset]').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(words.x + 320, words.y + 6, { steps: 6 });
  await expect(grip).toHaveClass(/dragging/); // previewed, not yet saved
  await expect(wage).toHaveAttribute('aria-label', quoted);
  await page.mouse.up();
  await expect(wage).not.toHaveAttribute('aria-label', quoted);
  const longer = (await wage.getAttribute('aria-label'))!;
  expect(longer.startsWith(quoted.slice(0, -1))).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: /Undone: Resized a coding of Wage arrears/ })).toBeVisible();
  await expect(wage).toHaveAttribute('aria-label', quoted);
});

test('finds words with ё/е and case folded', async ({ page }) => {
  const text = await openTranscript(page);
  await text.getByRole('listitem').first().click();
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find in document' }).fill('ЕЩЕ');
  await expect(page.getByText(/\d+ match/)).toBeVisible();
});

test('editing the transcript keeps codings on their words', async ({ page }) => {
  const text = await openTranscript(page);
  const turn = text.getByRole('listitem').nth(5);
  await selectWords(page, turn, 4, 120);
  await page.keyboard.press('q');
  await pickCode(page, 'Reciprocity');
  await page.getByRole('button', { name: 'Edit text' }).click();
  const editor = page.getByRole('textbox', { name: /^Text of/ });
  const original = await editor.inputValue();
  await editor.fill(`Предисловие расшифровщика.\n${original}`);
  await page.getByRole('button', { name: 'Save text' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved\. \d+ codings followed their words/ })).toBeVisible();
  await expect(text.getByRole('listitem').nth(6).getByRole('button', { name: /^Reciprocity \/ favour exchange:/ })).toBeVisible();
});

test('a code dragged from the codebook codes the selected passage; blind coding hides other coders', async ({ page }) => {
  const text = await openTranscript(page);
  const turn = text.getByRole('listitem').nth(7);
  // A code no other test deletes (the codebook tests delete Klassnost).
  const reciprocity = turn.getByRole('button', { name: /^Reciprocity \/ favour exchange:/ });
  const before = await reciprocity.count();
  await selectWords(page, turn, 4, 140);

  await page.getByRole('tab', { name: 'Codebook' }).click();
  await page.getByRole('textbox', { name: 'Filter: Codebook' }).fill('Reciprocity');
  await page.getByRole('tree', { name: 'Codebook' }).getByRole('treeitem', { name: /^Reciprocity/ }).dragTo(turn);
  await expect(reciprocity).toHaveCount(before + 1);

  // My codings switched off, then blind coding: only mine.
  await page.getByRole('button', { name: 'Coders' }).click();
  await page.getByRole('checkbox', { name: /^me \(/ }).uncheck();
  await expect(reciprocity).toHaveCount(before);
  await expect(page.getByRole('button', { name: /coders? shown$/ })).toBeVisible();
  await page.getByRole('checkbox', { name: /^me \(/ }).check();
  await page.getByRole('switch', { name: 'Blind coding: show only mine' }).check();
  await expect(page.getByRole('checkbox', { name: /^me \(/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Blind coding' })).toBeVisible();
  await expect(reciprocity).toHaveCount(1);
});

/**
 * Turns whose words' code highlights disagree with their stripes (a stripe per coding touching
 * the turn, a range per such coding), among the turns in view and those with any highlight; and
 * how many highlight ranges lie outside the rendered text.
 */
async function highlightsOutOfStep(page: Page): Promise<{ rows: number[]; detached: number; inView: number }> {
  return page.evaluate(() => {
    const ranges = [...CSS.highlights.entries()].filter(([name]) => name.startsWith('quire-code-')).flatMap(([, h]) => [...h] as AbstractRange[]);
    const list = document.querySelector('[role="list"][aria-label^="Text of"]')!;
    const view = list.parentElement!.getBoundingClientRect();
    const rows = [...list.querySelectorAll('[role="listitem"]')];
    const inView = rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    });
    const rangesIn = (row: Element) => ranges.filter((r) => row.contains(r.startContainer)).length;
    const checked = rows.filter((row) => inView.includes(row) || rangesIn(row) > 0);
    return {
      rows: checked.filter((row) => rangesIn(row) !== row.querySelectorAll('button.stripe').length).map((row) => Number(row.getAttribute('data-index'))),
      detached: ranges.filter((r) => !r.startContainer.isConnected).length,
      inView: inView.length,
    };
  });
}

test('highlights follow the turns in view while scrolling and mark the selected coding', async ({ page }) => {
  const text = await openTranscript(page);
  await expect(text.getByRole('listitem').first()).toBeVisible();
  const stripes = text.getByRole('button');
  let seen = 0;
  for (let step = 0; step < 8; step++) {
    await page.locator('.reader-scroll').evaluate((scroller) => scroller.scrollBy(0, 1200));
    await expect.poll(async () => {
      const now = await highlightsOutOfStep(page);
      return now.inView > 0 && now.detached === 0 && now.rows.length === 0;
    }).toBe(true);
    seen += await stripes.count();
  }
  expect(seen).toBeGreaterThan(0);

  // A stripe's click selects its coding, which gets its own highlight.
  await stripes.first().click();
  const selected = () => page.evaluate(() => CSS.highlights.get('quire-selected')?.size ?? 0);
  await expect.poll(selected).toBeGreaterThan(0);
});
