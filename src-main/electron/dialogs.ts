/** The project file dialogs, used by the File menu and by the renderer through `quire.dialogs`. */
import path from 'node:path';
import type { DialogHost } from './facade';
import { LABELS } from './labels';
import type { Language } from './labels';

export interface ProjectDialogs {
  openProject(): Promise<string | null>;
  saveProject(suggestedName: string): Promise<string | null>;
}

export const PROJECT_EXTENSION = 'quire';

/** A project name made safe as a file name on every platform. */
export function projectFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').replace(/^[.\s]+/, '').slice(0, 120).trim();
  return `${cleaned || fallback}.${PROJECT_EXTENSION}`;
}

export function projectDialogs(host: DialogHost, language: () => Language, documentsDir: () => string): ProjectDialogs {
  const filters = (): { name: string; extensions: string[] }[] => [{ name: LABELS[language()].projectFiles, extensions: [PROJECT_EXTENSION] }];
  return {
    async openProject() {
      const answer = await host.showOpenDialog({ title: LABELS[language()].openProjectTitle, properties: ['openFile'], filters: filters() });
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async saveProject(suggestedName) {
      const t = LABELS[language()];
      const answer = await host.showSaveDialog({
        title: t.newProjectTitle,
        buttonLabel: t.create,
        defaultPath: path.join(documentsDir(), projectFileName(suggestedName, t.untitled)),
        filters: filters(),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (answer.canceled || answer.filePath === '') return null;
      // Linux dialogs do not add the filter's extension by themselves.
      return path.extname(answer.filePath) === '' ? `${answer.filePath}.${PROJECT_EXTENSION}` : answer.filePath;
    },
  };
}
