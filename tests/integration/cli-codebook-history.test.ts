import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quire } from './cli-support';
import { newProject, seed, tempFolder } from './support';

describe('quire export codebook-history', () => {
  it('writes one code’s history or the whole codebook’s, as CSV or Markdown', async () => {
    const { client, file } = await newProject();
    const s = await seed(client);
    await client.call('codes.update', { id: s.paternalism.id, definition: 'The director as a father.' });
    await client.call('project.close', {});
    const dir = tempFolder();

    const csv = path.join(dir, 'paternalism.csv');
    const one = await quire('export', 'codebook-history', file, '--code', 'Paternalism', '--format', 'csv', '--out', csv);
    expect(one).toMatchObject({ code: 0, err: `Wrote 2 changes of "Paternalism" to ${csv}\n` });
    const rows = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(rows[0]).toBe('\uFEFFdate,code,change,field,before,after,who,why,meeting,meeting date');
    expect(rows[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d,Paternalism,edited,Definition,,The director as a father\.,Ирина Соколова,"Edited the code ""Paternalism""",,$/);

    const md = path.join(dir, 'codebook.md');
    expect((await quire('export', 'codebook-history', file, '--format', 'md', '--language', 'ru', '--out', md)).code).toBe(0);
    expect(fs.readFileSync(md, 'utf8')).toContain('# История кодовой книги');

    expect(await quire('export', 'codebook-history', file, '--format', 'pdf', '--out', md)).toMatchObject({ code: 2, err: expect.stringContaining('--format is one of csv, md') });
    expect((await quire('export', 'codebook-history', file, '--code', 'Nothing like it', '--format', 'md', '--out', md)).code).not.toBe(0);
  });
});
