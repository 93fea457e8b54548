import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import type { QuireClient } from '../../src-shared/contract';
import { EXCHANGED_TABLES } from '../../src-main/core/exchange/identity';
import { newProject, openAgain, seed, tempFolder } from './support';
import type { Opened } from './support';

export interface TwoCopies {
  readonly a: Opened;
  readonly b: Opened;
  readonly seeded: Awaited<ReturnType<typeof seed>>;
}

/** Ирина's project with the usual seed, and Олег's copy of it made by `exchange.exportCopy`. */
export async function twoCopies(): Promise<TwoCopies> {
  const a = await newProject('Ирина Соколова');
  const seeded = await seed(a.client);
  const copy = path.join(tempFolder(), 'oleg.quire');
  await a.client.call('exchange.exportCopy', { path: copy });
  const b = await openAgain(copy, 'Олег Ким');
  return { a, b, seeded };
}

/** A project copy of `client`'s project as it is now, written to a new file. */
export async function copyOf(client: QuireClient): Promise<string> {
  const file = path.join(tempFolder(), 'copy.quire');
  await client.call('exchange.exportCopy', { path: file });
  return file;
}

/**
 * The project's content as a user sees it: every exchanged table, rows by id. Quote numbers and
 * citation keys are left out: a merge renumbers a clash on each side by what that side holds.
 */
export function content(file: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  const skip = new Set(['quote_no', 'last_quote', 'quote_key']);
  try {
    return Object.fromEntries(
      EXCHANGED_TABLES.map((t) => [
        t,
        (db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !skip.has(c)))),
      ]),
    );
  } finally {
    db.close();
  }
}

/** Each copy takes in the other's work as it stood before either merged: both must end alike. */
export async function mergeBothWays(a: Opened, b: Opened): Promise<void> {
  const fromA = await copyOf(a.client);
  const fromB = await copyOf(b.client);
  await a.client.call('exchange.merge', { path: fromB });
  await b.client.call('exchange.merge', { path: fromA });
  expect(content(a.file)).toEqual(content(b.file));
}
