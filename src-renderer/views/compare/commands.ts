import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { COMPARE_TAB } from './tab';

/** The Compare view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const COMPARE_COMMANDS: readonly Command[] = [
  { id: 'compare', label: 'compare.command', needsProject: true, run: () => useUi.getState().open(COMPARE_TAB) },
];
