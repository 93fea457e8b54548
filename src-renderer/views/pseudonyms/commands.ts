import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { PSEUDONYMS_TAB } from './tab';

/** The Pseudonyms view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const PSEUDONYM_COMMANDS: readonly Command[] = [
  { id: 'pseudonyms', label: 'pseudonyms.command', needsProject: true, run: () => useUi.getState().open(PSEUDONYMS_TAB) },
];
