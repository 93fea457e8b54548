/**
 * Merging a colleague's work (issue 10): their copy of the project holds 10,000 codings this one
 * has not seen; `exchange.merge` takes them in — the automatic backup first, then every operation
 * compared field by field — as one undoable operation, undone between runs. The raw baseline
 * copies the same new rows (and the colleague's member record) across with INSERT … SELECT from
 * the attached copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../src-main/core/host';
import { BUDGET_MS } from './budgets';
import { progress } from './log';
import type { ResultRow } from './rows';
import { measured } from './rows';
import type { Session } from './session';
import { measure } from './timing';
import { passages } from './writes';

const NEW_CODINGS = 10_000;

/** Their copy: this project as it is now, then 10,000 codings by a colleague in it. */
async function colleaguesCopy(s: Session, folder: string): Promise<string> {
  const copy = path.join(folder, 'colleague.quire');
  await s.client.call('exchange.exportCopy', { path: copy });
  const core = new Core();
  try {
    const client = core.client();
    await client.call('project.open', { path: copy, actor: { name: 'Bench colleague' } });
    const result = await client.call('codings.applyMany', { codings: passages(s, NEW_CODINGS, 1993) });
    if (result.created < NEW_CODINGS * 0.99) throw new Error(`Only ${result.created} new codings were made in the colleague's copy.`);
  } finally {
    await core.dispose();
  }
  return copy;
}

export async function mergeRows(s: Session): Promise<ResultRow[]> {
  progress("exchange.merge, a colleague's copy with 10,000 new codings");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-bench-merge-'));
  try {
    const copy = await colleaguesCopy(s, folder);
    let added = 0;
    const ours = await measure(
      s.plans('heavy'),
      async () => (added = (await s.client.call('exchange.merge', { path: copy })).added.codings),
      () => s.client.call('history.undo', {}),
    );
    progress(`  merge: median ${ours.median.toFixed(0)} ms`);
    const db = s.raw.db;
    db.prepare('ATTACH DATABASE ? AS theirs').run(copy);
    try {
      db.exec('CREATE TEMP TABLE new_codings AS SELECT id FROM theirs.codings WHERE id NOT IN (SELECT id FROM main.codings)');
      const raw = await measure(
        s.plans('heavy'),
        () => {
          // Their member record first: their codings name them as the coder.
          db.prepare('INSERT OR IGNORE INTO main.members SELECT * FROM theirs.members').run();
          db.prepare('INSERT INTO main.codings SELECT * FROM theirs.codings WHERE id IN (SELECT id FROM temp.new_codings)').run();
        },
        () => db.prepare('DELETE FROM main.codings WHERE id IN (SELECT id FROM temp.new_codings)').run(),
      );
      const size = fs.statSync(copy).size / 2 ** 20;
      return [
        measured(
          "merge a colleague's copy with 10,000 new codings",
          `exchange.merge {path} of a ${size.toFixed(0)} MiB project copy; ${added.toLocaleString('en-US')} new codings, backup of the project first, undone between runs`,
          BUDGET_MS.merge,
          ours,
          raw,
        ),
      ];
    } finally {
      db.exec('DROP TABLE IF EXISTS temp.new_codings');
      db.prepare('DETACH DATABASE theirs').run();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
