import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Core } from '../../src-main/core/host';
import { openProjectFile } from '../../src-main/core/db/open';
import { backupFolder } from '../../src-main/core/db/backup';
import { APPLICATION_ID } from '../../src-main/core/db/migrate';
import { migrations } from '../../migrations';
import type { Migration } from '../../migrations';
import { newProject, openAgain, tempFolder } from './support';

const actor = { name: 'Ирина Соколова' };

describe('the project file', () => {
  it('is a WAL SQLite file with foreign keys, marked as a Quire project at the newest schema', async () => {
    const { core, file } = await newProject();
    await core.dispose();
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1]!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const opened = await openProjectFile(file, { create: false, actorName: 'x' });
    expect(opened.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    await opened.close();
  });

  it('tells a second opener who holds the file, and lets them in once it is closed', async () => {
    const { core, file } = await newProject('Ирина Соколова');
    const other = new Core().client();
    await expect(other.call('project.open', { path: file, actor: { name: 'Вадим' } })).rejects.toMatchObject({
      code: 'project_locked',
      message: expect.stringContaining('Ирина Соколова'),
    });
    await core.dispose();
    const again = await openAgain(file, 'Вадим');
    expect((await again.client.call('project.info', {})).actor.name).toBe('Вадим');
  });

  it('takes over a lock left behind by a crashed process', async () => {
    const { core, file } = await newProject();
    await core.dispose();
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ actor: 'ghost', host: (await import('node:os')).hostname(), pid: 999_999_999, since: '1993-06-01' }));
    const again = await openAgain(file);
    expect((await again.client.call('project.info', {})).counts.members).toBe(1);
  });

  it('refuses files that are not Quire projects, in words a researcher understands', async () => {
    const folder = tempFolder();
    const text = path.join(folder, 'interview.quire');
    fs.writeFileSync(text, 'И: Расскажите о себе.\nР: Я работаю мастером.');
    const client = new Core().client();
    await expect(client.call('project.open', { path: text, actor })).rejects.toMatchObject({ code: 'not_a_project', message: expect.stringContaining('not a Quire project') });

    const other = path.join(folder, 'other.sqlite');
    const db = new BetterSqlite3(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    await expect(client.call('project.open', { path: other, actor })).rejects.toMatchObject({ code: 'not_a_project' });
    await expect(client.call('project.open', { path: path.join(folder, 'missing.quire'), actor })).rejects.toMatchObject({ code: 'not_found' });
    // Nothing was left behind: no lock, no changes.
    expect(fs.existsSync(`${text}.lock`)).toBe(false);
    expect(fs.readFileSync(text, 'utf8')).toContain('мастером');
  });

  it('refuses a file from a newer Quire without touching it', async () => {
    const { core, file } = await newProject();
    await core.dispose();
    const db = new BetterSqlite3(file);
    db.pragma('user_version = 999');
    db.close();
    const client = new Core().client();
    await expect(client.call('project.open', { path: file, actor })).rejects.toMatchObject({ code: 'newer_version', message: expect.stringContaining('newer version of Quire') });
  });

  it('reports a damaged file as damaged and points to the backups', async () => {
    const { core, file } = await newProject();
    await core.dispose();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 100, Math.min(bytes.length, 8192)); // scribble over the schema pages
    fs.writeFileSync(file, bytes);
    const client = new Core().client();
    await expect(client.call('project.open', { path: file, actor })).rejects.toMatchObject({ code: 'corrupt_project', message: expect.stringContaining('backups') });
  });

  it('will not create a project over an existing file', async () => {
    const { core, file } = await newProject();
    await core.dispose();
    const client = new Core().client();
    await expect(client.call('project.create', { path: file, actor })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps rolling backups on open, taken in the background', async () => {
    const { core, file } = await newProject();
    await core.dispose();
    const core2 = new Core({ backupIntervalHours: 0 });
    await core2.client().call('project.open', { path: file, actor });
    await core2.dispose();
    const backups = fs.readdirSync(backupFolder(file)).filter((n) => n.includes('.open.'));
    expect(backups).toHaveLength(1);
    const copy = new BetterSqlite3(path.join(backupFolder(file), backups[0]!), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
    copy.close();
  });
});

describe('migrations', () => {
  const latest = migrations[migrations.length - 1]!.version;
  const next: Migration = { version: latest + 1, name: 'code aliases', up: ['ALTER TABLE codes ADD COLUMN aliases TEXT NOT NULL DEFAULT \'[]\''] };

  it('migrate a previous schema forward, keeping the data, after a backup', async () => {
    const file = path.join(tempFolder(), 'old.quire');
    const old = await openProjectFile(file, { create: true, actorName: 'x', migrations });
    old.raw.prepare("INSERT INTO members (id, name, initials, color, created_at) VALUES ('0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f60', 'Ирина', 'И', '#000000', '1993-06-01')").run();
    await old.close();
    const migrated = await openProjectFile(file, { create: false, actorName: 'x', migrations: [...migrations, next] });
    expect(migrated.schemaVersion).toBe(latest + 1);
    expect(migrated.raw.prepare('SELECT name FROM members').pluck().get()).toBe('Ирина');
    expect(migrated.raw.prepare('SELECT aliases FROM codes').all()).toEqual([]);
    await migrated.close();
    expect(fs.readdirSync(backupFolder(file)).some((n) => n.includes(`before-schema-${latest + 1}`))).toBe(true);
  });

  it('bring a first-schema project up to date, deriving the turns and stage directions of its transcripts anew', async () => {
    const file = path.join(tempFolder(), 'v1.quire');
    const old = await openProjectFile(file, { create: true, actorName: 'x', migrations: migrations.slice(0, 1) });
    const member = '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f60';
    old.raw.prepare("INSERT INTO members (id, name, initials, color, created_at) VALUES (?, 'Ирина', 'И', '#000000', '1993-06-01')").run(member);
    old.raw
      .prepare("INSERT INTO documents (id, kind, title, language, current_revision_id, created_at, created_by, updated_at) VALUES ('0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f61', 'interview', 'Старое интервью', 'ru', '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f62', '1993', ?, '1993')")
      .run(member);
    old.raw
      .prepare("INSERT INTO revisions (id, document_id, number, length, created_at, created_by, text) VALUES ('0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f62', '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f61', 1, 40, '1993', ?, ?)")
      .run(member, 'И: Как дела?\n(Шум в цехе.)\nР: Плохо (смеётся).');
    await old.close();
    const client = new Core().client();
    await client.call('project.open', { path: file, actor });
    const detail = await client.call('documents.get', { id: '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f61' });
    expect(detail.segments.map((s) => s.kind)).toEqual(['turn', 'direction', 'turn']);
    expect(detail.segments[2]!.asides.map((a) => detail.text.slice(a.start, a.end))).toEqual(['(смеётся)']);
    await client.call('project.close', {});
  });

  it('roll back completely when a step fails, leaving the file as it was', async () => {
    const file = path.join(tempFolder(), 'old.quire');
    await (await openProjectFile(file, { create: true, actorName: 'x', migrations })).close();
    const broken: Migration = { version: latest + 1, name: 'broken', up: ['CREATE TABLE extra (x)', 'ALTER TABLE nowhere ADD COLUMN y'] };
    await expect(openProjectFile(file, { create: false, actorName: 'x', migrations: [...migrations, broken] })).rejects.toThrow();
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(0);
    db.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('build the newest schema from an empty file', async () => {
    const file = path.join(tempFolder(), 'empty.quire');
    fs.writeFileSync(file, '');
    const client = new Core().client();
    const info = await client.call('project.open', { path: file, actor });
    expect(info.schemaVersion).toBe(migrations[migrations.length - 1]!.version);
    await client.call('project.close', {});
  });
});
