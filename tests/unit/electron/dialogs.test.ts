import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, it, expect } from 'vitest';
import { projectDialogs, projectFileName } from '../../../src-main/electron/dialogs';
import type { Language } from '../../../src-main/electron/labels';
import { FakeDialogs } from './fakes';

const documents = path.join(path.sep, 'home', 'researcher', 'Documents');

describe('project dialogs', () => {
  it('open a .quire file, in the current language', async () => {
    const host = new FakeDialogs();
    let language: Language = 'ru';
    const dialogs = projectDialogs(host, () => language, () => documents);
    host.openAnswer = { canceled: false, filePaths: ['/data/Perm.quire'] };
    expect(await dialogs.openProject()).toBe('/data/Perm.quire');
    const options = host.opened[0] as OpenDialogOptions;
    expect(options.title).toBe('Открыть проект Quire');
    expect(options.filters).toEqual([{ name: 'Проекты Quire', extensions: ['quire'] }]);
    language = 'en';
    host.openAnswer = { canceled: true, filePaths: [] };
    expect(await dialogs.openProject()).toBeNull();
    expect((host.opened[1] as OpenDialogOptions).title).toBe('Open a Quire project');
  });

  it('suggest a safe file name in Documents and add the extension a Linux dialog leaves off', async () => {
    const host = new FakeDialogs();
    const dialogs = projectDialogs(host, () => 'en', () => documents);
    host.saveAnswer = { canceled: false, filePath: '/data/Perm study' };
    expect(await dialogs.saveProject('Perm: 1993/94')).toBe('/data/Perm study.quire');
    expect((host.saved[0] as SaveDialogOptions).defaultPath).toBe(path.join(documents, 'Perm 1993 94.quire'));
    host.saveAnswer = { canceled: false, filePath: '/data/Perm.quire' };
    expect(await dialogs.saveProject('Perm')).toBe('/data/Perm.quire');
    host.saveAnswer = { canceled: true, filePath: '' };
    expect(await dialogs.saveProject('Perm')).toBeNull();
  });

  it('make any name a file name', () => {
    expect(projectFileName('Завод «Красный пролетарий»', 'x')).toBe('Завод «Красный пролетарий».quire');
    expect(projectFileName('../../etc/passwd', 'x')).toBe('etc passwd.quire');
    expect(projectFileName('  \u0000 ', 'New project')).toBe('New project.quire');
    expect(projectFileName('a'.repeat(500), 'x')).toHaveLength(120 + '.quire'.length);
  });
});
