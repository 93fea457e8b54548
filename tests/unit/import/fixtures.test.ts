import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../../../src-main/core/import';
import { buildFixtures } from '../../../fixtures/import/build';
import * as T from '../../../fixtures/import/texts';
import { FIXTURES, fixture, structure } from './helpers/fixtures';

describe('the committed import fixtures', () => {
  it('are what fixtures/import/make.ts writes, byte for byte, and each is listed in its README', async () => {
    const readme = fs.readFileSync(path.join(FIXTURES, 'README.md'), 'utf8');
    for (const [name, bytes] of await buildFixtures()) {
      expect(fs.readFileSync(path.join(FIXTURES, name)).equals(bytes), `${name}: run node --import tsx fixtures/import/make.ts`).toBe(true);
      expect(bytes.length, name).toBeLessThan(8_000);
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});

describe('transcripts in legacy Russian encodings', () => {
  it('reads the DOS (CP866) transcript: timestamps, turns, a pause, a laugh and an inaudible passage', async () => {
    const doc = await extractDocument(fixture('interview-cp866.txt'));
    expect(doc.format).toBe('text');
    expect(doc.encoding).toMatchObject({ name: 'ibm866', detected: true });
    expect(doc.encoding!.confidence).toBeGreaterThan(0.9);
    expect(doc.warnings).toEqual([]);
    expect(doc.text).toBe(T.CP866_INTERVIEW); // CRLF line ends gone
    expect(structure(doc.text)).toEqual([
      ['paragraph', null, null, []],
      ['turn', 'И', '00:00:12', []],
      ['turn', 'Р', '00:00:19', ['(смеётся)']],
      ['turn', 'И', '00:01:05', []],
      ['turn', 'Р', '00:01:09', ['[неразборчиво]']],
      ['direction', null, '00:01:31', []],
      ['turn', 'И', '00:01:40', []],
      ['turn', 'Р', '00:01:44', []],
    ]);
  });

  it('reads the KOI8-R transcript, with the interviewer’s note kept as an aside', async () => {
    const doc = await extractDocument(fixture('interview-koi8r.txt'));
    expect(doc.encoding).toMatchObject({ name: 'koi8-r', detected: true });
    expect(doc.encoding!.alternatives).toContain('windows-1251');
    expect(doc.text).toBe(T.KOI8R_INTERVIEW);
    const rows = structure(doc.text);
    expect(rows.map(([kind, speaker]) => `${kind}:${speaker ?? ''}`)).toEqual(['paragraph:', 'turn:И', 'turn:Р', 'turn:И', 'turn:Р', 'turn:И', 'turn:Р']);
    expect(rows.flatMap(([, , , asides]) => asides)).toEqual(['(вздыхает)', '[Прим. интервьюера: респондент просил не записывать фамилию мастера.]']);
  });

  it('reads the Windows-1251 transcript with its quotes, dashes and ellipsis', async () => {
    const doc = await extractDocument(fixture('interview-cp1251.txt'));
    expect(doc.encoding).toMatchObject({ name: 'windows-1251', detected: true });
    expect(doc.text).toBe(T.CP1251_INTERVIEW);
    expect(doc.text).toContain('«Часы»');
    expect(doc.text).toContain('субботу — за');
    const rows = structure(doc.text);
    expect(rows.filter(([kind]) => kind === 'turn')).toHaveLength(6);
    expect(rows.flatMap(([, , , asides]) => asides)).toEqual(['(смеётся)', '[неразборчиво]']);
  });

  it('offers the other Cyrillic encodings, and reads garbage with a warning when the wrong one is forced', async () => {
    const forced = await extractDocument({ ...fixture('interview-koi8r.txt'), encoding: 'windows-1251' });
    expect(forced.text).not.toContain('Прокат');
    expect(forced.warnings.join(' ')).toContain('KOI8-R');
  });
});

describe('Unicode and Markdown files', () => {
  it('reads the UTF-16 file (byte-order mark, CRLF) with roles written out as speakers', async () => {
    const doc = await extractDocument(fixture('interview-utf16.txt'));
    expect(doc.encoding).toEqual({ name: 'utf-16le', detected: false, confidence: 1, alternatives: [] });
    expect(doc.text).toBe(T.UTF16_INTERVIEW);
    expect(structure(doc.text)).toEqual([
      ['paragraph', null, null, []],
      ['turn', 'Интервьюер', null, []],
      ['turn', 'Респондентка', null, ['(смеётся)']],
      ['turn', 'Интервьюер', null, []],
      ['turn', 'Респондентка', null, []],
    ]);
  });

  it('reads the Markdown field diary: markup gone, the overheard dialogue as unnamed turns', async () => {
    const doc = await extractDocument(fixture('fieldnote.md'));
    expect(doc.format).toBe('markdown');
    expect(doc.markdown).toBe(T.MARKDOWN_FIELDNOTE);
    expect(doc.text).not.toMatch(/[#*]/);
    expect(doc.text.split('\n')[0]).toBe('Полевой дневник, 15 июня 1993 г.');
    expect(doc.text).toContain('Завод «Кольца», литейный цех.');
    expect(doc.text).toContain('— Тот на повремёнке сидит.');
    expect(structure(doc.text)).toEqual([
      ['paragraph', null, null, []],
      ['paragraph', null, null, []],
      ['turn', null, null, []],
      ['turn', null, null, []],
      ['turn', null, null, ['(смеётся)']],
      ['turn', null, null, []],
      ['turn', null, null, []],
      ['paragraph', null, null, []],
    ]);
  });
});

describe('the meeting record', () => {
  it('finds role-labelled turns, stage directions on their own lines and inside turns, and leaves the minutes’ headers as prose', async () => {
    const doc = await extractDocument(fixture('meeting-record.txt'));
    expect(doc.encoding?.name).toBe('utf-8');
    expect(doc.text).toBe(T.MEETING_RECORD);
    expect(structure(doc.text)).toEqual([
      ['paragraph', null, null, []],
      ['paragraph', null, null, []], // Присутствовали: …
      ['turn', 'Председатель', null, []],
      ['turn', 'Директор', null, ['(показывая прошлый договор)']],
      ['direction', null, null, []],
      ['turn', 'Из зала', null, []],
      ['turn', 'Начальник ОТК', null, ['[Далее неразборчиво, говорят несколько человек.]']],
      ['turn', 'Работница', null, ['(плачет)']],
      ['direction', null, null, []],
      ['turn', 'Председатель', null, []],
      ['paragraph', null, null, []], // Голосовали: …
    ]);
  });
});
