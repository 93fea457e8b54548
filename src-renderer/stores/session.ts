import { create } from 'zustand';
import type { AppSettings } from '../../src-shared/contract';
import type { ProjectInfo } from '../../src-shared/model/entities';
import { call, onCoreEvent, onReconnected } from '../api/client';
import { reportError, useNotices } from './notices';
import { setLanguage } from '../i18n';
import type { Language } from '../i18n';
import { useData } from './data';
import { useUi } from './ui';

interface SessionState {
  readonly settings: AppSettings | null;
  readonly project: ProjectInfo | null;
  /** Set while a project is being opened or the sample prepared. */
  readonly opening: boolean;
  boot(): Promise<void>;
  /** Catches up with the core: which project is open, and this machine's settings. */
  sync(): Promise<void>;
  setActorName(name: string): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  openProject(path: string): Promise<void>;
  createProject(path: string, name: string): Promise<void>;
  openSample(): Promise<void>;
  closeProject(): Promise<void>;
  /** Re-reads the project's figures (after changes). */
  refreshProject(): Promise<void>;
}

export const useSession = create<SessionState>()((set, get) => {
  const actor = (): { name: string } => ({ name: get().settings?.actorName ?? 'Researcher' });
  const entered = async (project: ProjectInfo): Promise<void> => {
    useUi.getState().reset();
    await useData.getState().load();
    set({ project, settings: await call('app.settings', {}), opening: false });
  };
  /**
   * Catches up after events were missed (the browser edition's socket dropped): which project is
   * open, and, when it is still the same, everything views show, since changes went unheard.
   */
  const catchUp = async (): Promise<void> => {
    // A long operation may have ended unheard; one still running says so again with its next step.
    useNotices.getState().setProgress(null);
    const before = get().project?.path;
    await get().sync();
    if (get().project && get().project?.path === before) await useData.getState().load();
  };
  const opening = async (open: () => Promise<ProjectInfo>): Promise<void> => {
    set({ opening: true });
    try {
      await entered(await open());
    } finally {
      set({ opening: false });
    }
  };
  return {
    settings: null,
    project: null,
    opening: false,

    boot: async () => {
      await get().sync();
      // Another face (the desktop menu, a second browser tab) may open or close projects.
      onCoreEvent((event) => {
        if (event.type === 'changed' && event.operationId === null) get().sync().catch(reportError);
      });
      onReconnected(() => void catchUp().catch(reportError));
    },

    sync: async () => {
      const settings = await call('app.settings', {});
      // The browser edition starts on a project the server already opened.
      const project = await call('project.info', {}).catch(() => null);
      if (project && project.path !== get().project?.path) await entered(project);
      else set({ settings, project });
    },

    setActorName: async (name) => {
      set({ settings: await call('app.updateSettings', { actorName: name }) });
      if (get().project) await opening(() => call('project.open', { path: get().project!.path, actor: { name } }));
    },

    setLanguage: async (language) => {
      await setLanguage(language);
      set({ settings: await call('app.updateSettings', { language }) });
    },

    openProject: (path) => opening(() => call('project.open', { path, actor: actor() })),
    createProject: (path, name) => opening(() => call('project.create', { path, name, actor: actor() })),
    openSample: () =>
      opening(async () => {
        await call('app.openSample', {});
        return call('project.info', {});
      }),

    closeProject: async () => {
      await call('project.close', {});
      useData.getState().clear();
      useUi.getState().reset();
      set({ project: null, settings: await call('app.settings', {}) });
    },

    refreshProject: async () => {
      if (get().project) set({ project: await call('project.info', {}) });
    },
  };
});
