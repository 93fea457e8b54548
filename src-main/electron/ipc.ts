/**
 * The renderer's two ways into main: contract calls (relayed to the core) and native dialogs.
 * Each message is checked to come from the Quire window's top frame on the app origin before
 * anything runs; a message from anywhere else is refused.
 */
import type { CallResult } from '../../src-shared/contract';
import { CALL_CHANNEL, DIALOG_CHANNEL } from './channels';
import type { DialogKind } from './channels';
import type { InvokeEvent, IpcMainLike } from './facade';
import { isAppUrl } from './origin';

export interface IpcHandlers {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  dialog(kind: DialogKind, argument: unknown): Promise<string | null>;
}

/** `windowContentsId` is the id of the Quire window's WebContents, or null while there is none. */
export function isTrustedSender(event: InvokeEvent, windowContentsId: number | null): boolean {
  const frame = event.senderFrame;
  return (
    windowContentsId !== null &&
    event.sender.id === windowContentsId &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url)
  );
}

function refuseUnlessTrusted(event: InvokeEvent, isTrusted: (event: InvokeEvent) => boolean): void {
  if (!isTrusted(event)) throw new Error('Refused: this message did not come from the Quire window.');
}

const isDialogKind = (value: unknown): value is DialogKind => value === 'openProject' || value === 'saveProject';

export function registerIpc(ipcMain: IpcMainLike, isTrusted: (event: InvokeEvent) => boolean, handlers: IpcHandlers): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method, input) => {
    refuseUnlessTrusted(event, isTrusted);
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: 'The operation name must be text.' } } satisfies CallResult<never>;
    }
    return handlers.call(method, input);
  });
  ipcMain.handle(DIALOG_CHANNEL, async (event, kind, argument) => {
    refuseUnlessTrusted(event, isTrusted);
    if (!isDialogKind(kind)) throw new Error('Refused: unknown dialog.');
    return handlers.dialog(kind, argument);
  });
}
