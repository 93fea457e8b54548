import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { newFieldNote, newQuarterlyReport } from './create';

/** The memo area's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const MEMO_COMMANDS: readonly Command[] = [
  { id: 'new-field-note', label: 'memo.commands.newFieldNote', needsProject: true, run: () => newFieldNote() },
  { id: 'new-quarterly-report', label: 'memo.commands.newReport', needsProject: true, run: () => newQuarterlyReport() },
  { id: 'show-memos', label: 'memo.commands.showMemos', shortcut: 'alt+5', needsProject: true, run: () => useUi.getState().showNavigator('memos') },
];
