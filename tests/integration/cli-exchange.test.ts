import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quire } from './cli-support';
import { newProject, openAgain, seed, snapshot, tempFolder } from './support';

describe('quire bundle export|import, quire merge, quire conflicts', () => {
  it('hands a copy to a colleague, merges their copy back, and shows what needs review', async () => {
    const irina = await newProject();
    const s = await seed(irina.client);
    await irina.client.call('project.close', {});
    const folder = tempFolder();
    const olegFile = path.join(folder, 'oleg.quire');

    const copied = await quire('bundle', 'export', irina.file, '--copy', '--out', olegFile);
    expect(copied.code).toBe(0);
    expect(copied.err).toContain('Wrote a copy of the project');

    const oleg = await openAgain(olegFile, 'Олег Ким');
    await oleg.client.call('codes.update', { id: s.paternalism.id, name: 'Патернализм' });
    await oleg.client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 60, end: 90 });
    await oleg.client.call('project.close', {});

    const before = snapshot(irina.file);
    const preview = await quire('merge', irina.file, olegFile, '--preview', '--format', 'json');
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.out)).toContainEqual({ what: 'new codings', count: 1 });
    expect(snapshot(irina.file)).toEqual(before);

    const merged = await quire('merge', irina.file, olegFile, '--format', 'json');
    expect(merged.code).toBe(0);
    expect(JSON.parse(merged.out)).toContainEqual({ what: 'new codings', count: 1 });
    expect(merged.err).toMatch(/Merged Олег Ким’s work \(backup before merging: .*before-merge/);

    const again = await quire('merge', irina.file, olegFile);
    expect(again.err).toContain('Nothing new');

    const bundle = path.join(folder, 'irina.quirebundle');
    const exported = await quire('bundle', 'export', irina.file, '--out', bundle);
    expect(exported.code).toBe(0);
    expect(exported.err).toMatch(/^Wrote \d+ operations to /);
    const imported = await quire('bundle', 'import', olegFile, bundle, '--as', 'Олег Ким');
    expect(imported.code).toBe(0);

    const listed = await quire('conflicts', irina.file, '--format', 'json');
    expect(listed.code).toBe(0);
    expect(listed.err).toMatch(/open items? to review/);
  });

  it('refuses a damaged file with a clear message and exit code 1', async () => {
    const { file, client } = await newProject();
    await seed(client);
    await client.call('project.close', {});
    const bad = path.join(tempFolder(), 'bad.quirebundle');
    fs.writeFileSync(bad, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    const run = await quire('merge', file, bad);
    expect(run.code).toBe(1);
    expect(run.err).toContain('This exchange file is damaged or incomplete');
    expect((await quire('merge', file)).code).toBe(2);
    expect((await quire('bundle', 'export', file)).err).toContain('--out FILE');
  });
});
