import type { MenuItemConstructorOptions } from 'electron';
import { describe, it, expect } from 'vitest';
import { LABELS } from '../../../src-main/electron/labels';
import type { Language } from '../../../src-main/electron/labels';
import { menuTemplate } from '../../../src-main/electron/menu';
import type { MenuActions, MenuState } from '../../../src-main/electron/menu';
import { click, findItem } from './fakes';

function recorder(): { actions: MenuActions; log: string[] } {
  const log: string[] = [];
  const actions: MenuActions = {
    newProject: () => log.push('newProject'),
    openProject: () => log.push('openProject'),
    openSample: () => log.push('openSample'),
    openRecent: (path) => log.push(`openRecent ${path}`),
    closeProject: () => log.push('closeProject'),
    undo: () => log.push('undo'),
    redo: () => log.push('redo'),
    setLanguage: (language) => log.push(`setLanguage ${language}`),
    about: () => log.push('about'),
  };
  return { actions, log };
}

const state = (overrides: Partial<MenuState> = {}): MenuState => ({
  language: 'en',
  recentProjects: [
    { path: '/data/Perm enterprises.quire', name: 'Perm enterprises' },
    { path: '/data/Samara.quire', name: 'Samara' },
  ],
  dev: false,
  mac: false,
  ...overrides,
});

const item = (template: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions => {
  const found = findItem(template, id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
};

describe('the application menu', () => {
  it('has the keyboard shortcuts', () => {
    const template = menuTemplate(state(), recorder().actions);
    expect(item(template, 'file.new').accelerator).toBe('CmdOrCtrl+N');
    expect(item(template, 'file.open').accelerator).toBe('CmdOrCtrl+O');
    expect(item(template, 'file.close').accelerator).toBe('CmdOrCtrl+W');
    expect(item(template, 'file.quit').accelerator).toBe('CmdOrCtrl+Q');
    expect(item(template, 'edit.undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(item(template, 'edit.redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('sends undo and redo to the actions, which call history.undo/redo', () => {
    const { actions, log } = recorder();
    const template = menuTemplate(state(), actions);
    click(item(template, 'edit.undo'));
    click(item(template, 'edit.redo'));
    expect(log).toEqual(['undo', 'redo']);
  });

  it.each<Language>(['en', 'ru'])('is labelled in %s', (language) => {
    const template = menuTemplate(state({ language }), recorder().actions);
    const t = LABELS[language];
    expect(template.map((menu) => menu.label)).toEqual([t.file, t.edit, t.view, t.help]);
    expect(item(template, 'file.new').label).toBe(t.newProject);
    expect(item(template, 'file.sample').label).toBe(t.openSample);
    expect(item(template, 'file.recent').label).toBe(t.recentProjects);
    expect(item(template, 'edit.undo').label).toBe(t.undo);
    expect(item(template, 'view.language').label).toBe(t.language);
  });

  it('really is in Russian when Russian is chosen', () => {
    const template = menuTemplate(state({ language: 'ru' }), recorder().actions);
    expect(template.map((menu) => menu.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    expect(item(template, 'edit.redo').label).toBe('Повторить');
  });

  it('has a label for every item in both languages', () => {
    for (const key of Object.keys(LABELS.en) as (keyof typeof LABELS.en)[]) {
      expect(LABELS.ru[key], key).toBeTruthy();
      expect(LABELS.en[key], key).toBeTruthy();
    }
  });

  it('switches language through the actions, with the current one checked', () => {
    const { actions, log } = recorder();
    const template = menuTemplate(state({ language: 'ru' }), actions);
    expect(item(template, 'view.language.ru').checked).toBe(true);
    expect(item(template, 'view.language.en').checked).toBe(false);
    expect(item(template, 'view.language.en').label).toBe('English');
    expect(item(template, 'view.language.ru').label).toBe('Русский');
    click(item(template, 'view.language.en'));
    expect(log).toEqual(['setLanguage en']);
  });

  it('lists the recent projects and opens the one clicked', () => {
    const { actions, log } = recorder();
    const template = menuTemplate(state(), actions);
    expect(item(template, 'file.recent.0').label).toBe('Perm enterprises — Perm enterprises.quire');
    click(item(template, 'file.recent.1'));
    expect(log).toEqual(['openRecent /data/Samara.quire']);
  });

  it('says so when there are no recent projects', () => {
    const template = menuTemplate(state({ recentProjects: [] }), recorder().actions);
    expect(item(template, 'file.recent.none')).toMatchObject({ enabled: false, label: LABELS.en.noRecentProjects });
  });

  it('wires every File action', () => {
    const { actions, log } = recorder();
    const template = menuTemplate(state(), actions);
    for (const id of ['file.new', 'file.open', 'file.sample', 'file.close', 'help.about']) click(item(template, id));
    expect(log).toEqual(['newProject', 'openProject', 'openSample', 'closeProject', 'about']);
  });

  it('offers reload and developer tools only when running from the source tree', () => {
    const packaged = menuTemplate(state({ dev: false }), recorder().actions);
    expect(findItem(packaged, 'view.reload')).toBeUndefined();
    expect(findItem(packaged, 'view.devtools')).toBeUndefined();
    const dev = menuTemplate(state({ dev: true }), recorder().actions);
    expect(item(dev, 'view.reload')).toMatchObject({ role: 'reload', accelerator: 'CmdOrCtrl+R' });
    expect(item(dev, 'view.devtools').role).toBe('toggleDevTools');
  });

  it('follows macOS conventions on a Mac', () => {
    const { actions, log } = recorder();
    const template = menuTemplate(state({ mac: true }), actions);
    expect(template[0]?.label).toBe('Quire');
    expect(findItem(template, 'file.quit')).toBeUndefined();
    expect(item(template, 'app.quit').role).toBe('quit');
    click(item(template, 'app.about'));
    expect(log).toEqual(['about']);
  });
});
