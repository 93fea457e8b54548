/**
 * What the menu does. Project actions go to the core as contract calls; on success the shell is
 * told (`sessionChanged`) so it can rebuild the menu and tell the renderer, which did not make
 * the call itself and would otherwise not know the project changed under it.
 */
import type { CallResult, MethodName } from '../../src-shared/contract';
import type { CoreCaller } from './core-caller';
import { actorFor, callCore } from './core-caller';
import type { ProjectDialogs } from './dialogs';
import type { WindowContents } from './facade';
import type { Language } from './labels';
import type { MenuActions } from './menu';

export interface ActionContext {
  readonly core: CoreCaller;
  readonly dialogs: ProjectDialogs;
  /** The window's contents, while there is a window. */
  contents(): WindowContents | null;
  sessionChanged(method: MethodName): void;
  showError(message: string): void;
  about(): void;
  untitledName(): string;
}

/**
 * Undo and redo keys reach the menu even while the user types in a text field; there they mean
 * the field's own undo, not the project's history. Asked of the page, in its own world.
 */
export const EDITABLE_FOCUS_PROBE =
  '(() => { const el = document.activeElement; return !!el && (el.isContentEditable || el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(el.type))); })()';

const QUIET_FAILURES = new Set(['nothing_to_undo', 'nothing_to_redo', 'no_project']);

export function menuActions(ctx: ActionContext): MenuActions {
  const report = (result: CallResult<unknown>, method: MethodName): void => {
    if (result.ok) ctx.sessionChanged(method);
    else ctx.showError(result.error.message);
  };

  const open = async (path: string): Promise<void> => {
    report(await callCore(ctx.core, 'project.open', { path, actor: await actorFor(ctx.core) }), 'project.open');
  };

  const history = async (direction: 'undo' | 'redo'): Promise<void> => {
    const contents = ctx.contents();
    if (contents && (await contents.executeJavaScript(EDITABLE_FOCUS_PROBE).catch(() => false)) === true) {
      if (direction === 'undo') contents.undo();
      else contents.redo();
      return;
    }
    // The core announces the change itself (a 'changed' event), as for any mutation.
    const result = await callCore(ctx.core, direction === 'undo' ? 'history.undo' : 'history.redo', {});
    if (!result.ok && !QUIET_FAILURES.has(result.error.code)) ctx.showError(result.error.message);
  };

  return {
    newProject: () => {
      void (async () => {
        const path = await ctx.dialogs.saveProject(ctx.untitledName());
        if (path === null) return;
        report(await callCore(ctx.core, 'project.create', { path, actor: await actorFor(ctx.core) }), 'project.create');
      })();
    },
    openProject: () => {
      void (async () => {
        const path = await ctx.dialogs.openProject();
        if (path !== null) await open(path);
      })();
    },
    openRecent: (path) => void open(path),
    openSample: () => {
      void callCore(ctx.core, 'app.openSample', {}).then((result) => report(result, 'app.openSample'));
    },
    closeProject: () => {
      void callCore(ctx.core, 'project.close', {}).then((result) => report(result, 'project.close'));
    },
    undo: () => void history('undo'),
    redo: () => void history('redo'),
    setLanguage: (language: Language) => {
      void callCore(ctx.core, 'app.updateSettings', { language }).then((result) => report(result, 'app.updateSettings'));
    },
    about: () => ctx.about(),
  };
}

/**
 * On launch: the sample project the first time Quire runs here, otherwise the most recent one.
 * A recent project that cannot be opened (moved, locked by a colleague) is left for the
 * renderer's welcome screen to explain; returns the method that opened something, or null.
 */
export async function openInitialProject(core: CoreCaller): Promise<MethodName | null> {
  const settings = await callCore(core, 'app.settings', {});
  if (!settings.ok) return null;
  const recent = settings.result.recentProjects[0];
  if (!recent) return (await callCore(core, 'app.openSample', {})).ok ? 'app.openSample' : null;
  const opened = await callCore(core, 'project.open', { path: recent.path, actor: await actorFor(core) });
  return opened.ok ? 'project.open' : null;
}
