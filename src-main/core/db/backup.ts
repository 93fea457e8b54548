import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

/** Rolling backups live beside the project, in `<file>.backups/`. */
export function backupFolder(file: string): string {
  return `${file}.backups`;
}

const stamp = (): string => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Copies the open database with SQLite's online backup (consistent even in WAL mode) and keeps
 * only the newest `keep` backups of the same `reason`.
 */
export async function backupProject(raw: BetterSqlite3.Database, file: string, reason: string, keep = 7): Promise<string> {
  const folder = backupFolder(file);
  fs.mkdirSync(folder, { recursive: true });
  const base = path.basename(file).replace(/\.quire$/i, '');
  const target = path.join(folder, `${base}.${reason}.${stamp()}.quire`);
  await raw.backup(target);
  const prefix = `${base}.${reason}.`;
  const old = fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .reverse()
    .slice(keep);
  for (const name of old) fs.rmSync(path.join(folder, name), { force: true });
  return target;
}

/** Age in hours of the newest backup of `reason`, or Infinity when there is none. */
export function newestBackupAgeHours(file: string, reason: string): number {
  const folder = backupFolder(file);
  if (!fs.existsSync(folder)) return Infinity;
  const base = path.basename(file).replace(/\.quire$/i, '');
  const times = fs
    .readdirSync(folder)
    .filter((name) => name.startsWith(`${base}.${reason}.`))
    .map((name) => fs.statSync(path.join(folder, name)).mtimeMs);
  return times.length === 0 ? Infinity : (Date.now() - Math.max(...times)) / 3_600_000;
}
