import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { quire } from './cli-support';
import { newProject, seed, tempFolder } from './support';

/** The seed interview with the foreman's role and two codings; closed, for the CLI to open. */
async function project(): Promise<string> {
  const { client, file } = await newProject();
  const s = await seed(client);
  const role = await client.call('attributes.define', { name: 'Role', target: 'case', caseTypeId: s.informant.id, valueType: 'text' });
  await client.call('cases.update', { id: s.foreman.id, attributes: { [role.id]: 'foreman' } });
  const at = (words: string) => ({ start: s.text.indexOf(words), end: s.text.indexOf(words) + words.length });
  await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, ...at('Мастер даёт выгодную работу своим') });
  await client.call('codings.apply', { documentId: s.interview.id, codeId: s.paternalism.id, ...at('Директор у нас как отец родной') });
  await client.call('codes.update', { id: s.paternalism.id, definition: 'The director as the father of the enterprise.' });
  await client.call('project.close', {});
  return file;
}

describe('quire export', () => {
  it('exports extracts of codes as DOCX and CSV, grouped and with context', async () => {
    const file = await project();
    const folder = tempFolder();
    const docx = path.join(folder, 'extracts.docx');
    const run = await quire('export', 'extracts', file, '--code', 'Paternalism', '--code', 'Type 2: personal dependence', '--format', 'docx', '--out', docx, '--context');
    expect(run.code).toBe(0);
    expect(run.err).toContain(`Wrote 2 excerpts to ${docx}`);
    const html = (await mammoth.convertToHtml({ path: docx })).value;
    // Codes in codebook order, each excerpt followed by its citation.
    expect(html).toMatch(/<h1>Informal relations › Type 2: personal dependence<\/h1>.*<h1>Paternalism<\/h1>.*Директор у нас как отец родной.*\(interview with a foreman, Кольца, June 1993\)/s);

    const csv = path.join(folder, 'cases.csv');
    expect((await quire('export', 'extracts', file, '--code', 'Paternalism', '--case', 'Rings', '--format', 'csv', '--out', csv, '--group', 'case', '--language', 'ru')).code).toBe(0);
    const rows = parse(fs.readFileSync(csv, 'utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ Группа: 'Мастер Петров', Ссылка: '(интервью с мастером, Кольца, июнь 1993 г.)', Role: 'foreman', industry: 'machine-building' })]);
  });

  it('exports the codebook as a methods appendix', async () => {
    const file = await project();
    const out = path.join(tempFolder(), 'codebook.md');
    const run = await quire('export', 'codebook', file, '--format', 'md', '--out', out);
    expect(run.code).toBe(0);
    expect(run.err).toContain('Wrote 3 codes');
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('## Paternalism');
    expect(md).toContain('**Definition.** The director as the father of the enterprise.');
    expect(md).toContain('*1 coding in 1 document*');
  });

  it('fails with a clear message and a non-zero exit, writing nothing', async () => {
    const file = await project();
    const folder = tempFolder();
    const bad = await quire('export', 'extracts', file, '--code', 'Paternalism', '--format', 'pdf', '--out', path.join(folder, 'x.pdf'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format is one of docx, md, html, csv, xlsx (not "pdf")');
    const noOut = await quire('export', 'extracts', file, '--code', 'Paternalism', '--format', 'docx');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out FILE');
    const noCode = await quire('export', 'extracts', file, '--code', 'Klassnost', '--format', 'docx', '--out', path.join(folder, 'x.docx'));
    expect(noCode.code).toBe(2);
    expect(noCode.err).toContain('there is no code called "Klassnost"');
    const unwritable = await quire('export', 'codebook', file, '--format', 'docx', '--out', path.join(folder, 'missing', 'codebook.docx'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/quire: Cannot write ".*codebook\.docx": the folder does not exist/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
