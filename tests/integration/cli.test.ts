import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { quire } from './cli-support';
import { tempFolder } from './support';

const INTERVIEW = [
  'И: Как у вас распределяют выгодную работу?',
  'Р: Выгодную работу мастер даёт своим. Это калым, понимаете.',
  'И: А классность вам дали?',
  'Р: Классность дали, вторую. Полторы тысячи. Но могут и снять за прогул.',
].join('\r\n');

describe('the quire command', () => {
  it('imports a plain-text interview, auto-codes it, reports, and undoes and redoes from the terminal', async () => {
    const folder = tempFolder();
    const project = path.join(folder, 'study.quire');
    const file = path.join(folder, 'interview_rings_1993.txt');
    fs.writeFileSync(file, `\uFEFF${INTERVIEW}`);

    expect((await quire('new', project, '--name', 'Кольца')).code).toBe(0);
    const imported = await quire('import', project, file, '--kind', 'interview', '--date', 'June 1993', '--format', 'json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)[0]).toMatchObject({ title: 'interview_rings_1993', characters: INTERVIEW.replace(/\r/g, '').length });

    const preview = await quire('code', project, '--pattern', 'классност', '--code', 'Klassnost', '--preview', '--format', 'csv');
    expect(preview.out).toBe('matches,documents,new codings\n2,1,2\n');
    expect((await quire('code', project, '--pattern', 'классност', '--code', 'Klassnost')).code).toBe(2); // no such code yet
    const coded = await quire('code', project, '--pattern', 'классност', '--code', 'Klassnost', '--create', '--extent', 'segment', '--speaker', 'Р', '--format', 'csv');
    expect(coded.out).toBe('matches,new codings\n1,1\n');

    const frequencies = await quire('report', 'frequencies', project, '--format', 'csv');
    expect(frequencies.out).toBe('code,codings,documents\nKlassnost,1,1\n');

    expect((await quire('undo', project)).err).toContain('Undone: Auto-coded 1 passages');
    expect((await quire('report', 'frequencies', project, '--format', 'csv')).out).toBe('code,codings,documents\nKlassnost,0,0\n');
    expect((await quire('redo', project)).code).toBe(0);
    expect((await quire('report', 'frequencies', project, '--format', 'csv')).out).toBe('code,codings,documents\nKlassnost,1,1\n');

    const history = await quire('history', project, '--actor', 'Ирина Соколова', '--format', 'json');
    const entries = JSON.parse(history.out) as { what: string; state: string }[];
    expect(entries.map((e) => e.state)).toEqual(['redo', 'undo', 'done', 'done', 'done', 'done', 'done']);
    expect(entries[2]!.what).toContain('Auto-coded');

    const table = await quire('report', 'frequencies', project);
    expect(table.out.split('\n')[0]).toMatch(/^code\s+codings\s+documents$/);
  });

  it('reads and writes the codebook as CSV and builds a matrix over cases', async () => {
    const folder = tempFolder();
    const project = path.join(folder, 'study.quire');
    await quire('new', project);
    fs.writeFileSync(path.join(folder, 'codebook.csv'), 'name,parent,color,definition\nPayment,,#336699,\nKlassnost,Payment,,Loyalty class bonus\n');
    expect((await quire('codebook', 'import', project, path.join(folder, 'codebook.csv'), '--format', 'csv')).out).toBe('created,updated\n2,0\n');
    expect((await quire('codebook', 'export', project, path.join(folder, 'out.csv'))).code).toBe(0);
    const exported = fs.readFileSync(path.join(folder, 'out.csv'), 'utf8');
    expect(exported.startsWith('\uFEFFname,parent,color')).toBe(true);
    expect(exported).toContain('Klassnost,Payment,');
    const matrix = await quire('report', 'matrix', project, '--rows', 'codes', '--cols', 'enterprise');
    expect(matrix.code).toBe(1);
    expect(matrix.err).toContain('no case type or attribute called "enterprise"');
    expect(await quire('report', 'matrix', project, '--cols', 'region', '--measure', 'sparkle')).toMatchObject({ code: 2, err: expect.stringContaining('--measure is one of codings, documents, informants') });
    expect(await quire('report', 'matrix', project, '--cols', 'region', '--by', 'decade')).toMatchObject({ code: 2, err: expect.stringContaining('--by is one of month, quarter, year') });
  });

  it('speaks plainly about mistakes, with Unix exit codes', async () => {
    const folder = tempFolder();
    expect((await quire()).code).toBe(2);
    expect(await quire('frobnicate', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('no command "frobnicate"') });
    expect(await quire('new', path.join(folder, 'a.quire'), '--bogus')).toMatchObject({ code: 2 });
    expect(await quire('open', path.join(folder, 'missing.quire'))).toMatchObject({ code: 1, err: expect.stringContaining('There is no project at') });
    const project = path.join(folder, 'p.quire');
    await quire('new', project);
    const cp1251 = path.join(folder, 'old.txt');
    fs.writeFileSync(cp1251, Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])); // «Привет» in Windows-1251
    expect(await quire('import', project, path.join(folder, 'nope.txt'), '--clean', 'sparkle')).toMatchObject({ code: 2, err: expect.stringContaining('--clean takes auto, none') });
    expect(await quire('import', project, path.join(folder, 'nope.txt'))).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    expect(await quire('undo', project)).toMatchObject({ code: 1, err: 'quire: There is nothing to undo.\n' });
    expect((await quire('--help')).out).toContain('Usage: quire <command> PROJECT');
  });

  it('imports a folder in DOS and KOI8 encodings with a filename pattern and a manifest, and reports what it skipped', async () => {
    const folder = tempFolder();
    const project = path.join(folder, 'p.quire');
    await quire('new', project);
    const inbox = path.join(folder, 'inbox');
    fs.mkdirSync(inbox);
    fs.writeFileSync(path.join(inbox, 'Кольца_1993-06_интервью_Петров.txt'), iconv.encode(INTERVIEW, 'cp866'));
    fs.writeFileSync(path.join(inbox, 'Кольца_1993-07_интервью_Сидоров.txt'), iconv.encode(INTERVIEW, 'koi8-r'));
    fs.writeFileSync(path.join(inbox, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]));
    fs.writeFileSync(path.join(folder, 'manifest.csv'), 'file,title\nКольца_1993-07_интервью_Сидоров.txt,Interview with a foreman\n');
    // The informant list kept beside the interviews is left out, with the way to import it.
    fs.writeFileSync(path.join(inbox, 'informants.csv'), 'name,role\nПетров,мастер\n');

    const run = await quire('import', project, inbox, '--pattern', '{*}_{date}_{kind}_{*}', '--manifest', path.join(folder, 'manifest.csv'), '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as Record<string, string | number>[];
    expect(report).toEqual([
      expect.objectContaining({ file: 'Кольца_1993-06_интервью_Петров.txt', status: 'imported', encoding: 'ibm866', turns: 4 }),
      expect.objectContaining({ file: 'Кольца_1993-07_интервью_Сидоров.txt', status: 'imported', title: 'Interview with a foreman', encoding: 'koi8-r' }),
      expect.objectContaining({ file: 'informants.csv', status: 'skipped', reason: expect.stringContaining('quire cases import') }),
      expect.objectContaining({ file: 'photo.jpg', status: 'skipped', reason: expect.stringMatching(/photo\.jpg/) }),
    ]);
    expect(run.err).toContain('The manifest has no row for “Кольца_1993-06_интервью_Петров.txt”');
    const documents = async () => (JSON.parse((await quire('open', project, '--format', 'json')).out) as { property: string; value: number }[]).find((p) => p.property === 'documents')?.value;
    expect(await documents()).toBe(2);
    // Read again in another encoding: a new revision of the same document, undone at once.
    const reread = await quire('reread', project, 'Interview with a foreman', '--encoding', 'windows-1251', '--format', 'json');
    expect(reread.code).toBe(0);
    expect(JSON.parse(reread.out)[0]).toMatchObject({ document: 'Interview with a foreman', revision: 2 });
    expect((await quire('undo', project)).code).toBe(0);
    // One undo takes the whole import back.
    expect((await quire('undo', project)).code).toBe(0);
    expect(await documents()).toBe(0);
  });

  it('runs as `npx quire` with no build step', () => {
    const folder = tempFolder();
    const project = path.join(folder, 'x.quire');
    execFileSync('npx', ['--no-install', 'quire', 'new', project], { cwd: process.cwd(), stdio: 'pipe' });
    const info = spawnSync('npx', ['--no-install', 'quire', 'open', project, '--format', 'csv'], { cwd: process.cwd(), encoding: 'utf8' });
    expect(info.status).toBe(0);
    expect(info.stdout).toContain('documents,0');
  });
});
