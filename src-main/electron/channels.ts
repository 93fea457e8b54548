/** IPC channel names shared by main and the preload: one for calls, one for dialogs, one for events. */
export const CALL_CHANNEL = 'quire:call';
export const DIALOG_CHANNEL = 'quire:dialog';
export const EVENT_CHANNEL = 'quire:event';

export type DialogKind = 'openProject' | 'saveProject';
