import type { Command } from '../../../app/command';
import { openCaseImport } from './store';

/** The case-list import's commands, for the command palette (spread into COMMANDS in app/commands.ts). */
export const CASE_IMPORT_COMMANDS: readonly Command[] = [{ id: 'import-case-list', label: 'caseImport.command', needsProject: true, run: () => openCaseImport() }];
