import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { pseudonymizer } from '../../src-shared/text/pseudonyms';
import { quire } from './cli-support';
import { newProject, seed, tempFolder } from './support';

/** A memo as an exporter would write it: a DOCX with a paragraph per line. */
async function docx(lines: readonly string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] }));
}

describe('quire pseudonym and check-leaks', () => {
  it('registers, lists and removes entries', async () => {
    const { client, file } = await newProject();
    await seed(client);
    await client.call('project.close', {});
    const added = await quire('pseudonym', 'add', file, '--real', 'Иванов', '--pseudonym', 'Петров', '--alias', 'Ivanov', '--alias', 'И. Иванов', '--case', 'Мастер Петров');
    expect(added).toMatchObject({ code: 0, err: 'Registered Иванов → Петров (also Ivanov, И. Иванов)\n' });
    expect((await quire('pseudonym', 'add', file, '--real', 'Кольца', '--pseudonym', 'Искра', '--kind', 'enterprise')).code).toBe(0);

    const listed = JSON.parse((await quire('pseudonym', 'list', file, '--format', 'json')).out) as Record<string, string>[];
    expect(listed).toEqual([
      { kind: 'person', 'real name': 'Иванов', pseudonym: 'Петров', aliases: 'Ivanov; И. Иванов', case: 'Мастер Петров' },
      { kind: 'enterprise', 'real name': 'Кольца', pseudonym: 'Искра', aliases: '', case: '' },
    ]);

    const collision = await quire('pseudonym', 'add', file, '--real', 'ivanov', '--pseudonym', 'Сидоров');
    expect(collision.code).toBe(1);
    expect(collision.err).toContain('"ivanov" is already registered');
    expect((await quire('pseudonym', 'add', file, '--real', 'Смирнов', '--pseudonym', 'Орлов', '--kind', 'factory')).code).toBe(2);

    expect(await quire('pseudonym', 'remove', file, 'Искра')).toMatchObject({ code: 0, err: 'Removed Кольца → Искра\n' });
    expect(JSON.parse((await quire('pseudonym', 'list', file, '--format', 'json')).out)).toHaveLength(1);
  });

  it('catches a real name planted in a memo exported to Markdown and DOCX, and passes the memo once pseudonymised', async () => {
    const { client, file } = await newProject();
    await client.call('pseudonyms.add', { realName: 'Иванов', pseudonym: 'Петров', aliases: ['Ivanov'] });
    await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Искра' });
    const memo = await client.call('memos.create', {
      targetType: 'project',
      title: 'Paternalism on the shop floor',
      text: 'Мастер распределяет калым.\nПосле разговора с Ивановой стало ясно, что на «Кольцах» так было всегда.',
    });
    const entries = await client.call('pseudonyms.list', {});
    await client.call('project.close', {});
    const folder = tempFolder();
    const lines = [memo.title, ...memo.text.split('\n')];

    const markdown = path.join(folder, 'memo.md');
    fs.writeFileSync(markdown, `# ${lines[0]}\n\n${lines.slice(1).join('\n\n')}\n`);
    const leaked = await quire('check-leaks', file, markdown, '--format', 'json');
    expect(leaked.code).toBe(1);
    const hits = JSON.parse(leaked.out) as Record<string, string | number>[];
    expect(hits.map((h) => [h.found, h['real name'], h.pseudonym])).toEqual([
      ['Ивановой', 'Иванов', 'Петров'],
      ['Кольцах', 'Кольца', 'Искра'],
    ]);
    expect(hits[0]!.line).toBe(5);
    expect(leaked.err).toContain('2 real names found');

    const word = path.join(folder, 'memo.docx');
    fs.writeFileSync(word, await docx(lines));
    const wordLeaks = await quire('check-leaks', file, word);
    expect(wordLeaks.code).toBe(1);
    expect(wordLeaks.out).toContain('Ивановой');

    const overlay = pseudonymizer(entries);
    fs.writeFileSync(word, await docx(lines.map((l) => overlay.apply(l))));
    const clean = await quire('check-leaks', file, word);
    expect(clean.code).toBe(0);
    expect(clean.err).toMatch(/^No registered real name or alias in .*memo\.docx/);
    expect(overlay.apply(lines[2]!)).toBe('После разговора с Петровой стало ясно, что на «Искрах» так было всегда.');
  });

  it('explains a file it cannot read and a missing file argument', async () => {
    const { client, file } = await newProject();
    await client.call('project.close', {});
    const folder = tempFolder();
    const photo = path.join(folder, 'photo.docx');
    fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]));
    const unreadable = await quire('check-leaks', file, photo);
    expect(unreadable.code).toBe(1);
    expect(unreadable.err).toContain('photo.docx');
    expect((await quire('check-leaks', file)).code).toBe(2);
  });
});
