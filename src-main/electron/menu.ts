/**
 * The application menu, built afresh whenever the language or the recent projects change.
 * Items that act carry an id, so tests (and anyone reading) can find them.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { LABELS, LANGUAGES } from './labels';
import type { Language, ShellLabels } from './labels';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openSample(): void;
  openRecent(projectPath: string): void;
  closeProject(): void;
  undo(): void;
  redo(): void;
  setLanguage(language: Language): void;
  about(): void;
}

export interface MenuState {
  readonly language: Language;
  readonly recentProjects: readonly { readonly path: string; readonly name: string }[];
  /** Running from the source tree: reload and developer tools are offered. */
  readonly dev: boolean;
  readonly mac: boolean;
}

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

function recentItems(state: MenuState, t: ShellLabels, actions: MenuActions): Item[] {
  if (state.recentProjects.length === 0) return [{ id: 'file.recent.none', label: t.noRecentProjects, enabled: false }];
  return state.recentProjects.map((project, index) => ({
    id: `file.recent.${index}`,
    label: `${project.name} — ${path.basename(project.path)}`,
    click: () => actions.openRecent(project.path),
  }));
}

function fileMenu(state: MenuState, t: ShellLabels, actions: MenuActions): Item {
  return {
    id: 'file',
    label: t.file,
    submenu: [
      { id: 'file.new', label: t.newProject, accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { id: 'file.open', label: t.openProject, accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { id: 'file.sample', label: t.openSample, click: () => actions.openSample() },
      { id: 'file.recent', label: t.recentProjects, submenu: recentItems(state, t, actions) },
      separator,
      { id: 'file.close', label: t.closeProject, accelerator: 'CmdOrCtrl+W', click: () => actions.closeProject() },
      // On macOS, Quit lives in the application menu.
      ...(state.mac ? [] : [separator, { id: 'file.quit', label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' } satisfies Item]),
    ],
  };
}

function editMenu(t: ShellLabels, actions: MenuActions): Item {
  return {
    id: 'edit',
    label: t.edit,
    submenu: [
      { id: 'edit.undo', label: t.undo, accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
      { id: 'edit.redo', label: t.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: () => actions.redo() },
      separator,
      // Roles, so text fields get the platform's clipboard behaviour (macOS has no other way).
      { id: 'edit.cut', label: t.cut, role: 'cut' },
      { id: 'edit.copy', label: t.copy, role: 'copy' },
      { id: 'edit.paste', label: t.paste, role: 'paste' },
      { id: 'edit.selectAll', label: t.selectAll, role: 'selectAll' },
    ],
  };
}

function viewMenu(state: MenuState, t: ShellLabels, actions: MenuActions): Item {
  const languages: Item[] = LANGUAGES.map(({ code, name }) => ({
    id: `view.language.${code}`,
    label: name,
    type: 'radio',
    checked: code === state.language,
    click: () => actions.setLanguage(code),
  }));
  const developer: Item[] = state.dev
    ? [
        { id: 'view.reload', label: t.reload, role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { id: 'view.devtools', label: t.toggleDevTools, role: 'toggleDevTools', accelerator: state.mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
        separator,
      ]
    : [];
  return {
    id: 'view',
    label: t.view,
    submenu: [
      { id: 'view.language', label: t.language, submenu: languages },
      separator,
      ...developer,
      { id: 'view.actualSize', label: t.actualSize, role: 'resetZoom' },
      { id: 'view.zoomIn', label: t.zoomIn, role: 'zoomIn' },
      { id: 'view.zoomOut', label: t.zoomOut, role: 'zoomOut' },
      separator,
      { id: 'view.fullScreen', label: t.fullScreen, role: 'togglefullscreen' },
    ],
  };
}

function macAppMenu(t: ShellLabels, actions: MenuActions): Item {
  return {
    id: 'app',
    label: 'Quire',
    submenu: [
      { id: 'app.about', label: t.about, click: () => actions.about() },
      separator,
      { label: t.services, role: 'services' },
      separator,
      { label: t.hide, role: 'hide' },
      { label: t.hideOthers, role: 'hideOthers' },
      { label: t.showAll, role: 'unhide' },
      separator,
      { id: 'app.quit', label: t.quit, role: 'quit' },
    ],
  };
}

export function menuTemplate(state: MenuState, actions: MenuActions): Item[] {
  const t = LABELS[state.language];
  const help: Item = {
    id: 'help',
    label: t.help,
    role: 'help',
    submenu: state.mac ? [] : [{ id: 'help.about', label: t.about, click: () => actions.about() }],
  };
  return [
    ...(state.mac ? [macAppMenu(t, actions)] : []),
    fileMenu(state, t, actions),
    editMenu(t, actions),
    viewMenu(state, t, actions),
    ...(state.mac ? [{ id: 'window', label: t.window, submenu: [{ label: t.minimize, role: 'minimize' }] } satisfies Item] : []),
    help,
  ];
}
