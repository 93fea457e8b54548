/** Steps many end-to-end tests take, done the way a person does them. */
import type { APIRequestContext, Page } from '@playwright/test';
import type { CallResult } from '../../src-shared/contract';
import { E2E_PORT, E2E_TOKEN } from './config';

/** Runs a command from the command palette (Ctrl+K), by its name. */
export async function command(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill(name);
  await page.keyboard.press('Enter');
}

/** Calls the contract as another client of the same browser edition would (a colleague's change). */
export async function apiCall<R>(request: APIRequestContext, method: string, input: unknown): Promise<R> {
  const response = await request.post(`http://127.0.0.1:${E2E_PORT}/api/call`, { data: { method, input }, headers: { Authorization: `Bearer ${E2E_TOKEN}` } });
  const body = (await response.json()) as CallResult<R>;
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}
