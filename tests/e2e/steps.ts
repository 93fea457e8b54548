/** Steps many end-to-end tests take, done the way a person does them. */
import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { CallResult, InputOf, MethodName, ResultOf } from '../../src-shared/contract';
import { E2E_PORT, E2E_TOKEN } from './config';

/** Runs a command from the command palette (Ctrl+K), by its name. */
export async function command(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.getByRole('textbox', { name: 'Commands' }).fill(name);
  await page.keyboard.press('Enter');
}

/** Calls the contract as another client of the same browser edition would (a colleague's change). */
/** A call to the browser edition's API, as a colleague's script or another window would make it. */
export async function apiCall<M extends MethodName>(request: APIRequestContext, method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const response = await request.post(`http://127.0.0.1:${E2E_PORT}/api/call`, { data: { method, input }, headers: { Authorization: `Bearer ${E2E_TOKEN}` } });
  const body = (await response.json()) as CallResult<ResultOf<M>>;
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/**
 * In a meeting's "New since the last meeting" (Samara's work included), ticks the first three
 * passages of the sample's code Klassnost and adds them to the agenda; returns the agenda list.
 */
export async function addKlassnostToAgenda(page: Page, meeting: Locator): Promise<Locator> {
  await meeting.getByRole('switch', { name: 'Only work of Самарская группа' }).uncheck();
  await meeting.getByRole('combobox', { name: 'Codes' }).fill('Klassnost');
  await page.getByRole('option', { name: /Klassnost$/ }).click();
  await page.keyboard.press('Escape');
  const group = meeting.getByRole('group', { name: 'Klassnost' });
  await group.getByRole('button', { name: 'Show the items of Klassnost' }).click();
  const candidates = group.getByRole('checkbox');
  for (const n of [1, 2, 3]) await candidates.nth(n).check();
  await meeting.getByRole('button', { name: 'Add 3 items to the agenda' }).click();
  const agenda = meeting.getByRole('list', { name: 'Agenda' });
  await expect(agenda.getByRole('listitem')).toHaveCount(3);
  return agenda;
}
