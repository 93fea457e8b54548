import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { quire } from './cli-support';
import { tempFolder } from './support';

const INTERVIEW = [
  'И: Вы доверяете директору?',
  'Р: Доверие к директору было, пока платили. Потом доверию конец.',
  'И: А мастеру?',
  'Р: Мастеру — да. Мастер свой человек.',
].join('\n');

describe('quire search', () => {
  it('lists hits in context with citations, as a table, CSV or JSON, and codes them all as one undoable operation', async () => {
    const folder = tempFolder();
    const project = path.join(folder, 'study.quire');
    const file = path.join(folder, 'interview_rings_1993.txt');
    fs.writeFileSync(file, INTERVIEW);
    expect((await quire('new', project)).code).toBe(0);
    expect((await quire('import', project, file, '--kind', 'interview', '--date', 'June 1993', '--title', 'Интервью с мастером')).code).toBe(0);

    const table = await quire('search', project, 'доверие');
    expect(table.code).toBe(0);
    expect(table.err).toBe('2 matches in 1 document\n');
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+before {2}match +after +source$/);
    expect(lines[2]).toMatch(/директору\? ⏎ Р: +Доверие +к директору было, пока платили\. Потом д +Интервью с мастером \(interview, June 1993\)$/);
    // the matches line up under each other
    expect(lines[2]!.indexOf('Доверие')).toBe(lines[3]!.indexOf('доверию'));

    const json = JSON.parse((await quire('search', project, 'мастер', '--format', 'json', '--cite', 'ru')).out) as Record<string, unknown>[];
    expect(json.map((h) => h.match)).toEqual(['мастеру', 'Мастеру', 'Мастер']);
    expect(json[0]).toMatchObject({ kind: 'document', title: 'Интервью с мастером', citation: 'Интервью с мастером (интервью, июнь 1993 г.)' });
    const text = INTERVIEW;
    for (const h of json) expect(text.slice(h.start as number, h.end as number)).toBe(h.match);

    const csv = await quire('search', project, 'ове', '--mode', 'substring', '--format', 'csv', '--limit', '1');
    const records = parse(csv.out) as string[][];
    expect(records[0]).toEqual(['kind', 'id', 'title', 'start', 'end', 'before', 'match', 'after', 'citation']);
    expect(records).toHaveLength(2);
    expect(records[1]!.slice(5, 8)).toEqual(['И: Вы д', 'ове', INTERVIEW.slice(10, 70)]); // 60 characters of context
    expect(csv.err).toBe('4 matches in 1 document; showing 1–1\n');

    expect((await quire('search', project, 'ов', '--mode', 'substring')).err).toMatch(/at least 3 characters/);
    expect((await quire('search', project, 'NOT доверие')).code).toBe(1);
    expect((await quire('search', project, 'доверие', '--mode', 'regex')).code).toBe(2);
    expect((await quire('search', project, 'доверие', '--scope', 'memos')).err).toBe('0 matches in 0 documents\n');

    const coded = await quire('search', project, 'доверие OR мастер', '--code', 'Trust', '--create', '--extent', 'segment', '--format', 'csv');
    expect(coded.out).toBe('matches,new codings\n5,3\n');
    expect((await quire('report', 'frequencies', project, '--format', 'csv')).out).toBe('code,codings,documents\nTrust,3,1\n');
    expect((await quire('undo', project)).err).toContain('Undone: Coded 3 search hits for “доверие OR мастер” as Trust');
    expect((await quire('report', 'frequencies', project, '--format', 'csv')).out).toBe('code,codings,documents\nTrust,0,0\n');
  });
});
