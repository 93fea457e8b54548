import type { Command } from '../../app/command';
import { openImport } from './actions';

/** The import area's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const IMPORT_COMMANDS: readonly Command[] = [{ id: 'import-documents', label: 'import.command', needsProject: true, run: () => openImport() }];
