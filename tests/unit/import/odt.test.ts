import { describe, it, expect } from 'vitest';
import { extractDocument } from '../../../src-main/core/import';
import { makeOdt } from '../../../fixtures/import/build';
import * as T from '../../../fixtures/import/texts';
import { fixture, structure } from './helpers/fixtures';
import { makeZip } from './helpers/zip';

const odt = async (body: string, title?: string) => extractDocument({ bytes: await makeOdt(body, title), fileName: 'notes.odt' });

describe('ODT', () => {
  it('reads the committed interview: heading, table, turns, the footnote moved to the end, the interviewer’s note as an aside', async () => {
    const doc = await extractDocument(fixture('interview.odt'));
    expect(doc.format).toBe('odt');
    expect(doc.title).toBe(T.ODT_TITLE);
    expect(doc.text).toBe(
      [T.ODT_HEADING, 'Показатель | 1991 | 1992', 'Численность | 4210 | 3650', ...T.ODT_TURNS.map((t) => t.replace('{1}', '[1]')), `[1] ${T.ODT_FOOTNOTE}`].join('\n'),
    );
    expect(doc.warnings).toEqual(['1 footnote was placed at the end of the text; the markers [1], [2]… show where they belong.']);
    expect(structure(doc.text).map(([kind, speaker, , asides]) => [kind, speaker, asides])).toEqual([
      ['paragraph', null, []],
      ['paragraph', null, []],
      ['paragraph', null, []],
      ['turn', 'И', []],
      ['turn', 'Р', ['[1]', '(пауза)']],
      ['turn', 'И', []],
      ['turn', 'Р', ['[Прим. интервьюера: в бухгалтерии называли три месяца.]']],
      ['paragraph', null, ['[1]']],
    ]);
  });

  it('reads headings, paragraphs and spans, with the title from meta.xml', async () => {
    const doc = await odt(
      '<text:h text:outline-level="1">Полевой дневник</text:h>\n  <text:p>День <text:span text:style-name="T1">первый</text:span>: приехали в <text:a xlink:href="http://x">Казань</text:a>.</text:p>',
      'Дневник, июнь',
    );
    expect(doc.format).toBe('odt');
    expect(doc.text).toBe('Полевой дневник\nДень первый: приехали в Казань.');
    expect(doc.title).toBe('Дневник, июнь');
    expect(doc.warnings).toEqual([]);
  });

  it('handles text:s with its count, tabs, line breaks and collapsed source whitespace', async () => {
    const doc = await odt('<text:p>a<text:s/>b<text:s text:c="3"/>c<text:tab/>d<text:line-break/>e   \n   f</text:p>');
    expect(doc.text).toBe('a b   c\td\ne f');
  });

  it('makes every list item a paragraph, nested lists included', async () => {
    const doc = await odt(
      '<text:list><text:list-item><text:p>один</text:p></text:list-item><text:list-item><text:p>два</text:p>' +
        '<text:list><text:list-item><text:p>два-а</text:p></text:list-item></text:list></text:list-item></text:list><text:p>после</text:p>',
    );
    expect(doc.text).toBe('один\nдва\nдва-а\nпосле');
  });

  it('turns table rows into "cell | cell" paragraphs, without endless repeated empty cells', async () => {
    const cell = (t: string) => `<table:table-cell><text:p>${t}</text:p></table:table-cell>`;
    const doc = await odt(
      '<text:p>До</text:p><table:table><table:table-column table:number-columns-repeated="3"/>' +
        `<table:table-header-rows><table:table-row>${cell('Имя')}${cell('Возраст')}<table:table-cell table:number-columns-repeated="1000"/></table:table-row></table:table-header-rows>` +
        `<table:table-row>${cell('Анна')}<table:covered-table-cell/>${cell('34')}</table:table-row>` +
        `<table:table-row>${cell('<text:span>Пётр</text:span> Иванович')}${cell('<text:s text:c="2"/>51')}</table:table-row>` +
        '</table:table><text:p>После</text:p>',
    );
    expect(doc.text).toBe('До\nИмя | Возраст\nАнна | 34\nПётр Иванович | 51\nПосле');
  });

  it('moves notes to the end, leaves out comments, tracked deletions and pictures', async () => {
    const doc = await odt(
      '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>удалённый текст</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
        '<text:p>Текст<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Примечание.</text:p></text:note-body></text:note> дальше' +
        '<office:annotation><dc:creator>Anna</dc:creator><text:p>комментарий</text:p></office:annotation>.<text:change text:change-id="c1"/></text:p>' +
        '<text:p><draw:frame><draw:image xlink:href="Pictures/a.png"/></draw:frame></text:p>',
    );
    expect(doc.text).toBe('Текст[1] дальше.\n[1] Примечание.');
    expect(doc.warnings).toEqual([
      '1 footnote was placed at the end of the text; the markers [1], [2]… show where they belong.',
      '1 picture was left out; only text is imported.',
      '1 comment was left out.',
    ]);
  });

  it('decodes XML entities and keeps characters outside the BMP', async () => {
    const doc = await odt('<text:p>&lt;тег&gt; &amp; &quot;кавычки&quot; &#1025;лка 😀</text:p>');
    expect(doc.text).toBe('<тег> & "кавычки" Ёлка 😀');
  });

  it('refuses a document type declaration (entity tricks)', async () => {
    const content = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><office:document-content><office:body><office:text><text:p>&e;</text:p></office:text></office:body></office:document-content>';
    const bytes = await makeZip([
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'content.xml', content },
    ]);
    await expect(extractDocument({ bytes, fileName: 'xxe.odt' })).rejects.toThrow(/unexpected document type declaration/);
  });

  it('refuses an ODT without content.xml, and one with no text', async () => {
    const bytes = await makeZip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', store: true }]);
    await expect(extractDocument({ bytes, fileName: 'empty.odt' })).rejects.toThrow(/main text part is missing/);
    await expect(odt('<text:p>   </text:p>')).rejects.toThrow(/contains no text/);
  });

  it('refuses other OpenDocument kinds', async () => {
    const bytes = await makeZip([
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet', store: true },
      { name: 'content.xml', content: '<x/>' },
    ]);
    await expect(extractDocument({ bytes, fileName: 'table.ods' })).rejects.toThrow(/OpenDocument spreadsheet|another kind/);
  });

  it('refuses absurdly deep nesting instead of overflowing the stack', async () => {
    const depth = 2000;
    const doc = odt(`<text:p>${'<text:span>'.repeat(depth)}x${'</text:span>'.repeat(depth)}</text:p>`);
    await expect(doc).rejects.toThrow(/nested too deeply/);
  });
});
