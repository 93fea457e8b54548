import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../src-shared/contract';
import { ExtractsInputSchema } from '../../src-shared/contract/extracts';
import { generateSample } from '../../fixtures/sample';
import { loadSample } from '../../fixtures/sample/load';
import type { Database } from '../../src-main/core/db/schema';
import { csvParts, writeCsvExtracts } from '../../src-main/core/export/csv-parts';
import { MemoryOutput } from '../../src-main/core/export/output';
import { CheckedOverlay } from '../../src-main/core/services/leak-check';
import { newProject, tempFolder } from './support';

/** The document id of each row of a CSV export. */
const documentIds = (data: Buffer): string[] => {
  const [header, ...rows] = parse(data.toString('utf8').slice(1)) as string[][];
  const at = header!.indexOf('Document id');
  return rows.map((r) => r[at]!);
};

describe('a large CSV export, written in two threads', () => {
  it('is the file and the leak report written in one go, and this thread writes the later part itself when the other cannot', async () => {
    const { client, file } = await newProject();
    await loadSample(client, generateSample());
    const roots = (await client.call('codes.list', {})).filter((c) => c.parentId === null).map((c) => c.id);
    const input: InputOf<'export.extracts'> = { query: { codeIds: roots, includeSubcodes: true }, format: 'csv', grouping: 'none', coder: true, memo: true, allowLeaks: true };
    // A key typed by hand with a registered alias in it: every quote id of its document leaks, here in the first and the last document written.
    const ids = documentIds(Buffer.from((await client.call('export.extracts', input)).data!, 'base64'));
    await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Завод Тест', pseudonym: 'Проба', aliases: ['LEAKY'] });
    await client.call('documents.update', { id: ids[0]!, quoteKey: 'LEAKY-INT-1993' });
    await client.call('documents.update', { id: ids.at(-1)!, quoteKey: 'LEAKY-INT-1994' });
    // The sample is far below the size that takes two threads: the handler writes it in one go.
    const whole = await client.call('export.extracts', input);
    expect(whole.leaks!.hits.length).toBeGreaterThan(1);

    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const ctx = { raw, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }) };
      const parsed = ExtractsInputSchema.parse(input);
      const parts = (await csvParts(ctx, parsed, 1))!;
      expect(parts.first.has(ids[0]!) && parts.later.has(ids.at(-1)!)).toBe(true);
      const entries = await client.call('pseudonyms.list', {});
      // The second export fills the buffers the first one's worker answered with again; the last
      // source cannot be opened by the worker thread: its part is written here instead.
      for (const [source, threads] of [
        [file, 2],
        [file, 2],
        [path.join(tempFolder(), 'gone.quire'), 1],
      ] as const) {
        const out = new MemoryOutput();
        const overlay = new CheckedOverlay(entries);
        const written = await writeCsvExtracts(ctx, parsed, out, overlay, { file: source, entries: () => entries, minimum: 1 });
        expect(written.items).toBe(whole.items);
        expect(written.threads).toBe(threads);
        expect(out.bytes().equals(Buffer.from(whole.data!, 'base64'))).toBe(true);
        expect(overlay.report()).toEqual(whole.leaks);
      }
    } finally {
      raw.close();
    }
  }, 120_000);

  it('keeps an export ordered by code or by case, and a small one, in one go', async () => {
    const { client, file } = await newProject();
    await loadSample(client, generateSample());
    const roots = (await client.call('codes.list', {})).filter((c) => c.parentId === null).map((c) => c.id);
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const ctx = { raw, db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }) };
      const input = (more: Partial<InputOf<'export.extracts'>>) => ExtractsInputSchema.parse({ query: { codeIds: roots, includeSubcodes: true }, format: 'csv', grouping: 'none', ...more });
      expect(await csvParts(ctx, input({}), 1)).not.toBeNull();
      expect(await csvParts(ctx, input({ grouping: 'document' }), 1)).not.toBeNull();
      expect(await csvParts(ctx, input({ grouping: 'code' }), 1)).toBeNull();
      expect(await csvParts(ctx, input({ sort: 'case' }), 1)).toBeNull();
      expect(await csvParts(ctx, input({}), 1_000_000)).toBeNull();
      // Counted in the codings of the codes asked for: one small code of the project is not large.
      const [small] = (await client.call('codes.list', {})).filter((c) => c.codingCount > 0).sort((a, b) => a.codingCount - b.codingCount);
      const total = (await client.call('codes.list', {})).reduce((n, c) => n + c.codingCount, 0);
      expect(await csvParts(ctx, input({ query: { codeIds: [small!.id] } }), small!.codingCount + 1)).toBeNull();
      expect(await csvParts(ctx, input({}), total)).not.toBeNull();
    } finally {
      raw.close();
    }
  }, 120_000);
});
