import { expect, test } from '@playwright/test';
import type { Page, WebSocketRoute } from '@playwright/test';
import { E2E_URL } from './config';
import type { MeetingItem } from '../../src-shared/contract';
import { addKlassnostToAgenda, apiCall, command } from './steps';

const TITLE = 'Week 49 (follow e2e)';

async function meetingsOf(page: Page) {
  await page.goto(E2E_URL);
  await expect(page.getByRole('navigation', { name: 'Project navigator' })).toBeVisible();
  await command(page, 'Meetings');
  await expect(page.getByRole('heading', { name: 'Meetings', exact: true })).toBeVisible();
}

/**
 * Issue 9's presenter mode on a projector and on attendees' laptops: one page presents a meeting,
 * another (a second browser on the same browser edition) follows it item by item, read-only
 * unless the presenter allows decisions, stops following and follows again, and is told when the
 * presentation ends. The meeting is planned and taken back by undo (the specs share one sample).
 */
test('an attendee’s page follows the presenter’s item, read-only, and hears when the presentation ends', async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await meetingsOf(page);

  // The presenter plans a meeting with three passages of Klassnost.
  await page.getByRole('button', { name: 'New meeting' }).click();
  const planning = page.getByRole('dialog', { name: 'New meeting' });
  await planning.getByRole('combobox', { name: 'Team' }).fill('Самарская группа');
  await planning.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await planning.getByRole('button', { name: 'Save' }).click();
  await expect(planning).toBeHidden();
  const meeting = page.getByRole('region', { name: `Meeting ${TITLE}` });
  await addKlassnostToAgenda(page, meeting);

  // An attendee opens the same browser edition on their laptop and follows before anyone presents.
  const laptop = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const attendee = await laptop.newPage();
  // The attendee's event socket, which the test can make deaf (events lost on the way) and drop.
  let deaf = false;
  let events: WebSocketRoute | null = null;
  await attendee.routeWebSocket(/\/api\/events/, (route) => {
    const server = route.connectToServer();
    server.onMessage((message) => deaf || route.send(message));
    events = route;
  });
  const dropEvents = async (): Promise<void> => {
    deaf = false;
    await events!.close();
  };
  try {
    await meetingsOf(attendee);
    await attendee.getByRole('button', { name: `Open the meeting ${TITLE}` }).click();
    await attendee.getByRole('region', { name: `Meeting ${TITLE}` }).getByRole('button', { name: 'Follow (read-only)' }).click();
    const follower = attendee.getByRole('dialog', { name: `Following: ${TITLE}` });
    const status = follower.getByRole('region', { name: 'Following the presenter' }).getByRole('status');
    await expect(status).toHaveText('Nobody is presenting this meeting yet: you will follow as soon as someone does.');

    // The presenter starts: the attendee lands on the same item, and follows each move.
    await meeting.getByRole('button', { name: 'Present', exact: true }).click();
    const presenter = page.getByRole('dialog', { name: `Presenting: ${TITLE}` });
    await expect(presenter.getByText('Item 1 of 3')).toBeVisible();
    await expect(status).toHaveText('Following Ирина Соколова — item 1 of 3');
    await page.keyboard.press('ArrowRight');
    await expect(presenter.getByText('Item 2 of 3')).toBeVisible();
    await expect(status).toHaveText('Following Ирина Соколова — item 2 of 3');
    await expect(follower.getByText('Item 2 of 3', { exact: true })).toBeVisible();
    await page.keyboard.press('End');
    await expect(status).toHaveText('Following Ирина Соколова — item 3 of 3');
    // The same passage on both screens.
    const quote = (await presenter.getByRole('article', { name: 'Item 3' }).locator('mark').textContent())!;
    await expect(follower.getByRole('article', { name: 'Item 3' }).locator('mark')).toHaveText(quote);

    // Read-only: the attendee cannot decide, and is told so.
    await expect(follower.getByText('Read-only: the presenter takes the decisions.')).toBeVisible();
    await expect(follower.getByRole('button', { name: 'Decide' })).toHaveCount(0);
    await expect(presenter.getByRole('button', { name: 'Decide' })).toBeVisible();
    // Until the presenter allows it.
    await presenter.getByRole('switch', { name: 'Allow attendees to take decisions' }).check();
    await expect(follower.getByText('The presenter allows attendees to take decisions.')).toBeVisible();
    await expect(follower.getByRole('button', { name: 'Decide' })).toBeVisible();
    await presenter.getByRole('switch', { name: 'Allow attendees to take decisions' }).uncheck();
    await expect(follower.getByRole('button', { name: 'Decide' })).toHaveCount(0);

    // Moving on one's own stops following; the presenter's moves are still told; following again re-syncs.
    await attendee.keyboard.press('Home');
    await expect(follower.getByText('Item 1 of 3', { exact: true })).toBeVisible();
    await expect(status).toHaveText('You are moving on your own; Ирина Соколова is at item 3 of 3.');
    await page.keyboard.press('ArrowLeft');
    await expect(status).toHaveText('You are moving on your own; Ирина Соколова is at item 2 of 3.');
    await expect(follower.getByText('Item 1 of 3', { exact: true })).toBeVisible();
    await follower.getByRole('button', { name: 'Follow again' }).click();
    await expect(status).toHaveText('Following Ирина Соколова — item 2 of 3');
    await expect(follower.getByText('Item 2 of 3', { exact: true })).toBeVisible();
    await expect(follower.getByRole('button', { name: 'Stop following' })).toBeVisible();

    // The attendee's connection loses the presenter's move and then drops: once it is back, the
    // attendee asks where the presenter is, as a latecomer does (the next reminder is 20 s away).
    deaf = true;
    await page.keyboard.press('ArrowRight');
    await expect(presenter.getByText('Item 3 of 3')).toBeVisible();
    await dropEvents();
    await expect(status).toHaveText('Following Ирина Соколова — item 3 of 3');
    await expect(follower.getByText('Item 3 of 3', { exact: true })).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(status).toHaveText('Following Ирина Соколова — item 2 of 3');

    // A colleague reorders the agenda, then drops the item shown: both screens stay on one item,
    // found by its id (the presenter's stays on screen; the one that took its place follows it).
    const quoteOf = async (dialog: typeof presenter): Promise<string> => (await dialog.getByRole('article').locator('mark').textContent())!;
    const shown = await quoteOf(presenter);
    const { id } = (await apiCall(request, 'meetings.list', {})).find((m) => m.title === TITLE)!;
    const { items } = await apiCall(request, 'meetings.get', { id });
    const refs = (list: readonly MeetingItem[]) => list.map((i) => ({ kind: i.target.kind, targetId: i.target.targetId }));
    await apiCall(request, 'meetings.setAgenda', { meetingId: id, items: refs([items[1]!, items[2]!, items[0]!]) });
    await expect(presenter.getByText('Item 1 of 3')).toBeVisible();
    await expect(status).toHaveText('Following Ирина Соколова — item 1 of 3');
    expect(await quoteOf(presenter)).toBe(shown);
    await expect(follower.getByRole('article').locator('mark')).toHaveText(shown);
    await apiCall(request, 'meetings.setAgenda', { meetingId: id, items: refs([items[2]!, items[0]!]) });
    await expect(presenter.getByText('Item 1 of 2')).toBeVisible();
    await expect(status).toHaveText('Following Ирина Соколова — item 1 of 2');
    const next = await quoteOf(presenter);
    expect(next).not.toBe(shown);
    await expect(follower.getByRole('article').locator('mark')).toHaveText(next);
    // Both changes taken back (the agenda as planned): the presenter stays on its item.
    await apiCall(request, 'history.undo', {});
    await apiCall(request, 'history.undo', {});
    await expect(presenter.getByText('Item 3 of 3')).toBeVisible();
    await expect(status).toHaveText('Following Ирина Соколова — item 3 of 3');
    await page.keyboard.press('ArrowLeft');
    await expect(status).toHaveText('Following Ирина Соколова — item 2 of 3');

    // A latecomer (the attendee leaving and following again) lands on the presenter's item at once.
    await attendee.keyboard.press('Escape');
    await expect(follower).toBeHidden();
    await attendee.getByRole('region', { name: `Meeting ${TITLE}` }).getByRole('button', { name: 'Follow (read-only)' }).click();
    await expect(status).toHaveText('Following Ирина Соколова — item 2 of 3');
    await expect(follower.getByText('Item 2 of 3', { exact: true })).toBeVisible();

    // The presenter leaves presenter mode while the attendee's connection is deaf: once it is back,
    // the attendee is told, and may go on alone.
    deaf = true;
    await page.keyboard.press('Escape');
    await expect(presenter).toBeHidden();
    await dropEvents();
    await expect(status).toHaveText('The presenter has ended the presentation. You can go on through the items yourself.');
    await attendee.keyboard.press('ArrowRight');
    await expect(follower.getByText('Item 3 of 3', { exact: true })).toBeVisible();

    // Someone presents from another tab and closes it: those following are told as well.
    const projector = await laptop.newPage();
    await meetingsOf(projector);
    await projector.getByRole('button', { name: `Open the meeting ${TITLE}` }).click();
    await projector.getByRole('region', { name: `Meeting ${TITLE}` }).getByRole('button', { name: 'Present', exact: true }).click();
    await expect(status).toHaveText('Following Ирина Соколова — item 1 of 3');
    await projector.close({ runBeforeUnload: true });
    await expect(status).toHaveText('The presenter has ended the presentation. You can go on through the items yourself.');
  } catch (error) {
    // The specs share one sample project: a failure here must not leave the meeting to the next spec.
    const left = (await apiCall(request, 'meetings.list', {})).find((m) => m.title === TITLE);
    if (left) {
      await apiCall(request, 'meetings.endPresentation', { meetingId: left.id }).catch(() => undefined);
      await apiCall(request, 'meetings.remove', { id: left.id });
    }
    throw error;
  } finally {
    await laptop.close();
  }

  // Taken back: the agenda and the meeting.
  await page.getByRole('heading', { name: 'Meetings', exact: true }).click();
  for (const summary of ['Set the agenda', 'Planned the meeting']) {
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: `Undone: ${summary}` }).last()).toBeVisible();
  }
  await expect(page.getByRole('button', { name: `Open the meeting ${TITLE}` })).toHaveCount(0);
});
