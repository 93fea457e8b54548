import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { ADJUDICATE_TAB } from './tab';

/** The Adjudicate view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const ADJUDICATE_COMMANDS: readonly Command[] = [
  { id: 'adjudicate', label: 'adjudicate.command', needsProject: true, run: () => useUi.getState().open(ADJUDICATE_TAB) },
];
