import { describe, it, expect } from 'vitest';
import zlib from 'node:zlib';
import { Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { QuireError } from '../../../src-shared/contract/errors';
import { extractDocument } from '../../../src-main/core/import';
import * as T from '../../../fixtures/import/texts';
import { fixture, structure } from './helpers/fixtures';
import { makeZip, patchDeclaredSizes, patchName } from './helpers/zip';

/** A 1×1 PNG, for a picture inside a document. */
function png(): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer): number => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

async function interviewDocx(): Promise<Buffer> {
  const doc = new Document({
    title: 'Интервью 3',
    footnotes: { 1: { children: [new Paragraph('Сноска про город.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Интервью с респондентом', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('И: Как вы '), new TextRun({ text: 'пришли', bold: true }), new TextRun(' в волонтёрство?'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ children: [new TextRun('Р: Первая строка'), new TextRun({ text: 'вторая строка', break: 1 })] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Имя'), new Paragraph('и фамилия')] }), new TableCell({ children: [new Paragraph('Возраст')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Анна')] }), new TableCell({ children: [new Paragraph('34')] })] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: png(), transformation: { width: 10, height: 10 } })] }),
          new Paragraph('Interviewer: <script>alert(1)</script> & done.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function failure(promise: Promise<unknown>): Promise<QuireError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof QuireError) return error;
    throw error;
  }
  throw new Error('expected a QuireError');
}

describe('DOCX', () => {
  it('reads the committed interview: its table row by row, turns, footnotes at the end with their markers', async () => {
    const doc = await extractDocument(fixture('interview-table-footnotes.docx'));
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe(T.DOCX_TITLE);
    expect(doc.text).toBe(
      [
        T.DOCX_HEADING,
        'Псевдоним | Должность | Стаж | Дата интервью',
        'Николай Петрович | мастер участка | 22 года | 17.06.1993',
        ...T.DOCX_TURNS.map((turn) => turn.replace(/\{(\d)\}/g, '[$1]')),
        `[1] ${T.DOCX_FOOTNOTES[0]}`,
        `[2] ${T.DOCX_FOOTNOTES[1]}`,
      ].join('\n'),
    );
    expect(doc.warnings).toEqual(['2 footnotes were placed at the end of the text; the markers [1], [2]… show where they belong.']);
    const rows = structure(doc.text);
    expect(rows.filter(([kind]) => kind === 'turn').map(([, speaker]) => speaker)).toEqual(['И', 'Р', 'И', 'Р', 'И', 'Р']);
    expect(rows.slice(0, 3).every(([kind]) => kind === 'paragraph')).toBe(true);
    expect(rows.flatMap(([, , , asides]) => asides)).toEqual(['[1]', '(смеётся)', '[2]', '[неразборчиво]', '[1]', '[2]']);
  });

  it('keeps headings and paragraphs, one row per table line, footnotes at the end', async () => {
    const doc = await extractDocument({ bytes: await interviewDocx(), fileName: 'interview.docx' });
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe(
      [
        'Интервью с респондентом',
        'И: Как вы пришли в волонтёрство?[1]',
        'Р: Первая строка',
        'вторая строка',
        'Имя и фамилия | Возраст',
        'Анна | 34',
        'Interviewer: <script>alert(1)</script> & done.',
        '[1] Сноска про город.',
      ].join('\n'),
    );
    expect(doc.title).toBe('Интервью 3');
    expect(doc.encoding).toBeNull();
    expect(doc.pages).toEqual([]);
    expect(doc.warnings).toContain('1 picture was left out; only text is imported.');
    expect(doc.warnings.some((w) => w.includes('footnote'))).toBe(true);
  });

  it('reads a DOCX saved under another extension, by its content', async () => {
    const doc = await extractDocument({ bytes: await interviewDocx(), fileName: 'interview.odt' });
    expect(doc.format).toBe('docx');
  });

  it('refuses a truncated DOCX as damaged', async () => {
    const bytes = await interviewDocx();
    const error = await failure(extractDocument({ bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), fileName: 'cut.docx' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('"cut.docx"');
    expect(error.message).toContain('damaged or incomplete');
  });

  it('refuses a zip without the main document part', async () => {
    const bytes = await makeZip([{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'word/styles.xml', content: '<styles/>' }]);
    await expect(extractDocument({ bytes, fileName: 'broken.docx' })).rejects.toThrow(/main text part is missing/);
  });

  it('refuses a DOCX whose XML is malformed', async () => {
    const bytes = await makeZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: '_rels/.rels', content: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
      { name: 'word/document.xml', content: '<w:document xmlns:w="x"><w:body><w:p>' },
    ]);
    const error = await failure(extractDocument({ bytes, fileName: 'bad.docx' }));
    expect(error.message).toMatch(/"bad.docx" (could not be read|contains no text)/);
  });

  it('refuses a plain zip archive', async () => {
    const bytes = await makeZip([{ name: 'notes/a.txt', content: 'hello' }]);
    await expect(extractDocument({ bytes, fileName: 'notes.zip' })).rejects.toThrow(/it looks like a zip archive/);
  });
});

describe('zip safety', () => {
  it('refuses entry names that climb out of the folder (zip slip)', async () => {
    const bytes = patchName(await makeZip([{ name: 'word/document.xml', content: '<x/>' }, { name: 'xx/evil.xml', content: '<x/>' }]), 'xx/evil.xml', '../evil.xml');
    const error = await failure(extractDocument({ bytes, fileName: 'slip.docx' }));
    expect(error.message).toContain('unsafe name');
    expect(error.message).toContain('../evil.xml');
  });

  it('refuses absolute entry names', async () => {
    const bytes = patchName(await makeZip([{ name: 'word/document.xml', content: '<x/>' }, { name: 'x/etc/passwd', content: 'x' }]), 'x/etc/passwd', '/etc/passwdx');
    await expect(extractDocument({ bytes, fileName: 'abs.docx' })).rejects.toThrow(/unsafe name/);
  });

  it('refuses a zip that declares more than the total limit (zip bomb)', async () => {
    const bytes = patchDeclaredSizes(await makeZip([{ name: 'word/document.xml', content: '<x/>' }, { name: 'word/media/a.bin', content: 'x' }]), 0xfff00000);
    const error = await failure(extractDocument({ bytes, fileName: 'bomb.docx' }));
    expect(error.message).toContain('unpacks to more than 1024 MB');
  });

  it('stops inflating a part as soon as it passes the limit, whatever it declared', async () => {
    const big = Buffer.alloc(2_000_000, 0x20);
    const bytes = await makeZip([{ name: 'word/document.xml', content: big }]);
    expect(bytes.length).toBeLessThan(50_000); // a bomb in miniature: 2 MB from a few KB
    const error = await failure(extractDocument({ bytes, fileName: 'bomb.docx' }, { limits: { maxZipEntryBytes: 1_000_000 } }));
    expect(error.message).toContain('unpacks to more than');
  });

  it('refuses a part that inflates to more than it declared', async () => {
    const bytes = patchDeclaredSizes(await makeZip([{ name: 'word/document.xml', content: Buffer.alloc(100_000, 0x20) }]), 100);
    const error = await failure(extractDocument({ bytes, fileName: 'liar.docx' }));
    expect(error.message).toContain('damaged or incomplete');
    expect(String(error.details?.reason)).toMatch(/too many bytes/);
  });

  it('refuses too many entries', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `word/part${i}.xml`, content: '<x/>' }));
    const bytes = await makeZip([{ name: 'word/document.xml', content: '<x/>' }, ...entries]);
    await expect(extractDocument({ bytes, fileName: 'many.docx' }, { limits: { maxZipEntries: 10 } })).rejects.toThrow(/contains 13 files inside, more than the 10/);
  });
});
