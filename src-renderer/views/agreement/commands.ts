import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { AGREEMENT_TAB } from './tab';

/** The Agreement view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const AGREEMENT_COMMANDS: readonly Command[] = [
  { id: 'agreement', label: 'agreement.command', needsProject: true, run: () => useUi.getState().open(AGREEMENT_TAB) },
];
