/** Steps many end-to-end tests take, done the way a person does them. */
import type { Page } from '@playwright/test';

/** Runs a command from the command palette (Ctrl+K), by its name. */
export async function command(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill(name);
  await page.keyboard.press('Enter');
}
