import type { Command } from '../../app/command';
import { useUi } from '../../stores/ui';
import { MEETINGS_TAB } from './tab';

/** The Meetings view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const MEETING_COMMANDS: readonly Command[] = [{ id: 'meetings', label: 'meetings.command', needsProject: true, run: () => useUi.getState().open(MEETINGS_TAB) }];
