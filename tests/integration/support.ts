import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach } from 'vitest';
import { Core } from '../../src-main/core/host';
import type { QuireClient } from '../../src-shared/contract';
import { LOGGED_TABLE_ORDER } from '../../src-main/core/db/schema';
import { migrations } from '../../migrations';
import { migrate } from '../../src-main/core/db/migrate';

const folders: string[] = [];
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-test-'));
  folders.push(folder);
  return folder;
}

export interface Opened {
  readonly core: Core;
  readonly client: QuireClient;
  readonly file: string;
}

/** A new project in a temporary folder, open as `actor`. */
export async function newProject(actor = 'Ирина Соколова'): Promise<Opened> {
  const file = path.join(tempFolder(), 'study.quire');
  const core = new Core();
  cores.push(core);
  const client = core.client();
  await client.call('project.create', { path: file, actor: { name: actor } });
  return { core, client, file };
}

/** Opens an existing project in another core (as another window or process would). */
export async function openAgain(file: string, actor = 'Ирина Соколова'): Promise<Opened> {
  const core = new Core();
  cores.push(core);
  const client = core.client();
  await client.call('project.open', { path: file, actor: { name: actor } });
  return { core, client, file };
}

/**
 * Everything a user can see in a project, read with a separate connection: every logged table
 * and the derived segments, in a stable order. Two equal snapshots mean equal projects.
 */
export function snapshot(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = [...LOGGED_TABLE_ORDER, 'segments'];
    const dump = tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${t === 'segments' ? 'revision_id, ord' : 'id'}`).all()]);
    return JSON.stringify(dump);
  } finally {
    db.close();
  }
}

/** A small codebook, two case levels and one interview: the usual starting point of a test. */
export async function seed(client: QuireClient) {
  const region = await client.call('caseTypes.create', { name: 'region' });
  const enterprise = await client.call('caseTypes.create', { name: 'enterprise', parentId: region.id });
  const informant = await client.call('caseTypes.create', { name: 'informant' });
  const industry = await client.call('attributes.define', { name: 'industry', target: 'case', caseTypeId: enterprise.id, valueType: 'choice', choices: ['machine-building', 'mining'] });
  const samara = await client.call('cases.create', { typeId: region.id, name: 'Самара' });
  const rings = await client.call('cases.create', { typeId: enterprise.id, parentId: samara.id, name: 'Кольца', aliases: ['Rings', 'Kol’tsa'], attributes: { [industry.id]: 'machine-building' } });
  const mine = await client.call('cases.create', { typeId: enterprise.id, parentId: samara.id, name: 'Шахта', attributes: { [industry.id]: 'mining' } });
  const foreman = await client.call('cases.create', { typeId: informant.id, parentId: rings.id, name: 'Мастер Петров' });
  const informal = await client.call('codes.create', { name: 'Informal relations' });
  const type2 = await client.call('codes.create', { name: 'Type 2: personal dependence', parentId: informal.id });
  const paternalism = await client.call('codes.create', { name: 'Paternalism' });
  const text = [
    'И: Расскажите, как распределяется работа в бригаде.',
    'Р: Мастер даёт выгодную работу своим. Кто ему помогал, тот и получает калым.',
    'И: А если кто-то опоздал?',
    'Р: Опоздал — мастер закроет глаза, но потом ты ему должен. Это у нас все знают.',
    'Р: Директор у нас как отец родной: квартиры даёт, путёвки.',
  ].join('\n');
  const interview = await client.call('documents.create', {
    title: 'Интервью с мастером, Кольца',
    kind: 'interview',
    date: '1993-06',
    text,
    caseIds: [rings.id, foreman.id],
    speakers: { Р: foreman.id },
  });
  return { region, enterprise, informant, industry, samara, rings, mine, foreman, informal, type2, paternalism, interview, text };
}

/**
 * Turns a closed project file into what an older Quire wrote: a file of schema `version` (its
 * migrations only) holding the same rows, in the columns that schema has. Derived tables
 * (search index) come out empty, as that schema made them.
 */
export function rewindToSchema(file: string, version: number): void {
  const older = `${file}.old`;
  const db = new BetterSqlite3(older);
  try {
    migrate(db, migrations.filter((m) => m.version <= version));
    db.prepare('ATTACH DATABASE ? AS newer').run(file);
    const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'").pluck().all() as string[];
    db.transaction(() => {
      for (const table of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`).join(', ');
        db.exec(`DELETE FROM main."${table}"; INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM newer."${table}"`);
      }
    })();
    db.exec('DETACH DATABASE newer');
  } finally {
    db.close();
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.renameSync(older, file);
}
