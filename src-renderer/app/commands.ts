import { call } from '../api/client';
import { attempt, useNotices } from '../stores/notices';
import { useSession } from '../stores/session';
import { useUi } from '../stores/ui';
import { i18next } from '../i18n';
import { operationSummary } from '../i18n/summary-text';
import { MEMO_COMMANDS } from '../views/memos/commands';
import { IMPORT_COMMANDS } from '../views/import/commands';
import { CASE_IMPORT_COMMANDS } from '../views/cases/import/commands';
import { COMPARE_COMMANDS } from '../views/compare/commands';
import { RETRIEVE_COMMANDS } from '../views/retrieve/commands';
import { COOCCURRENCE_COMMANDS } from '../views/cooccurrence/commands';
import { SEARCH_COMMANDS } from '../views/search/commands';
import { PSEUDONYM_COMMANDS } from '../views/pseudonyms/commands';
import { MEETING_COMMANDS } from '../views/meetings/commands';
import { AGREEMENT_COMMANDS } from '../views/agreement/commands';
import { ADJUDICATE_COMMANDS } from '../views/adjudicate/commands';
import type { Command } from './command';

export type { Command } from './command';

async function undoOrRedo(method: 'history.undo' | 'history.redo'): Promise<void> {
  await attempt(async () => {
    const { entry } = await call(method, {});
    useNotices.getState().push('info', i18next.t(method === 'history.undo' ? 'history.undone' : 'history.redone', { summary: operationSummary(i18next.t, entry) }));
    await useSession.getState().refreshProject();
  });
}

export const COMMANDS: readonly Command[] = [
  { id: 'undo', label: 'commands.undo', shortcut: 'mod+Z', needsProject: true, run: () => undoOrRedo('history.undo') },
  { id: 'redo', label: 'commands.redo', shortcut: 'mod+shift+Z', needsProject: true, run: () => undoOrRedo('history.redo') },
  { id: 'show-documents', label: 'commands.showDocuments', shortcut: 'alt+1', needsProject: true, run: () => useUi.getState().showNavigator('documents') },
  { id: 'show-codebook', label: 'commands.showCodebook', shortcut: 'alt+2', needsProject: true, run: () => useUi.getState().showNavigator('codebook') },
  { id: 'show-cases', label: 'commands.showCases', shortcut: 'alt+3', needsProject: true, run: () => useUi.getState().showNavigator('cases') },
  { id: 'show-team', label: 'commands.showTeam', shortcut: 'alt+4', needsProject: true, run: () => useUi.getState().showNavigator('team') },
  { id: 'new-code', label: 'commands.newCode', needsProject: true, run: () => useUi.getState().open({ kind: 'new-code', parentId: null }) },
  { id: 'new-case', label: 'commands.newCase', needsProject: true, run: () => useUi.getState().open({ kind: 'new-case', parentId: null }) },
  { id: 'open-sample', label: 'commands.openSample', needsProject: false, run: () => attempt(() => useSession.getState().openSample()) },
  { id: 'close-project', label: 'commands.closeProject', needsProject: true, run: () => attempt(() => useSession.getState().closeProject()) },
  {
    id: 'language',
    label: 'commands.language',
    needsProject: false,
    run: () => attempt(() => useSession.getState().setLanguage(i18next.language === 'ru' ? 'en' : 'ru')),
  },
  ...MEMO_COMMANDS,
  ...IMPORT_COMMANDS,
  ...CASE_IMPORT_COMMANDS,
  ...COMPARE_COMMANDS,
  ...RETRIEVE_COMMANDS,
  ...COOCCURRENCE_COMMANDS,
  ...SEARCH_COMMANDS,
  ...PSEUDONYM_COMMANDS,
  ...MEETING_COMMANDS,
  ...AGREEMENT_COMMANDS,
  ...ADJUDICATE_COMMANDS,
];
