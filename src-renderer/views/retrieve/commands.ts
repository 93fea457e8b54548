import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { RETRIEVE_TAB } from './tab';

/** The Excerpts view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const RETRIEVE_COMMANDS: readonly Command[] = [
  { id: 'retrieve', label: 'retrieve.command', needsProject: true, run: () => useUi.getState().open(RETRIEVE_TAB) },
];
