import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { COOCCURRENCE_TAB } from './tab';

/** The Co-occurrence view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const COOCCURRENCE_COMMANDS: readonly Command[] = [
  { id: 'cooccurrence', label: 'retrieve.cooccurrence.command', needsProject: true, run: () => useUi.getState().open(COOCCURRENCE_TAB) },
];
