import type { Command } from '../../app/command';
import { openSearch } from './tab';

/** The Search view's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const SEARCH_COMMANDS: readonly Command[] = [{ id: 'search', label: 'search.command', shortcut: 'mod+shift+F', needsProject: true, run: () => openSearch() }];
