import { describe, it, expect } from 'vitest';
import { extractDocument } from '../../../src-main/core/import';
import { fixture, structure } from './helpers/fixtures';
import { layoutPages } from '../../../src-main/core/import/pdf-layout';
import type { PositionedText } from '../../../src-main/core/import/pdf-layout';
import { makePdf } from './helpers/pdf-writer';


describe('PDF', () => {
  it('reads a Chromium-printed Russian/English PDF into paragraphs, with page ranges and title', async () => {
    const doc = await extractDocument(fixture('interview-ru-en.pdf'));
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('Интервью №7: волонтёры');
    expect(doc.warnings).toEqual([]);
    expect(doc.text.split('\n')).toEqual([
      'Интервью с волонтёркой (Казань, 2023)',
      'И: Расскажите, пожалуйста, как вы пришли в волонтёрство? С чего всё началось и кто вас поддержал в самом начале?',
      'Р: Ну, это долгая история. Я тогда работала в школе, и к нам пришли ребята из фонда, предложили помочь с праздником для детей из приюта. Мне понравилось, и я осталась.',
      'И: А что было дальше?',
      'Р: Дальше — больше. Ёлки-палки, я даже не заметила, как прошло пять лет.',
      'Second part (English)',
      'Interviewer: Did your family support you?',
      'Respondent: Not at first. My mother thought it was a waste of time, but she changed her mind after she came to one of our events.',
    ]);
    expect(doc.pages.map((p) => p.number)).toEqual([1, 2]);
    const [first, second] = doc.pages;
    expect(first!.start).toBe(0);
    expect(doc.text.slice(first!.start, first!.end).endsWith('пять лет.')).toBe(true);
    expect(doc.text.slice(second!.start, second!.end).startsWith('Second part')).toBe(true);
    expect(second!.start).toBe(first!.end + 1);
    expect(second!.end).toBe(doc.text.length);
    expect(structure(doc.text).map(([kind, speaker]) => speaker ?? kind)).toEqual(['paragraph', 'И', 'Р', 'И', 'Р', 'paragraph', 'Interviewer', 'Respondent']);
  });

  it('refuses a PDF of scanned images: no text layer, needs OCR', async () => {
    await expect(extractDocument(fixture('scan-only.pdf'))).rejects.toThrow(/"scan-only.pdf" has no text layer.*OCR/);
  });

  it('refuses a password-protected PDF', async () => {
    const bytes = makePdf(['Secret interview'], { encrypt: { user: 'secret', owner: 'owner' } });
    await expect(extractDocument({ bytes, fileName: 'locked.pdf' })).rejects.toThrow(/"locked.pdf" is password-protected/);
  });

  it('reads a PDF that is encrypted only against editing (no password to open)', async () => {
    const bytes = makePdf(['Protected but readable', 'Page two'], { title: 'Owner only', encrypt: { user: '', owner: 'owner' } });
    const doc = await extractDocument({ bytes, fileName: 'restricted.pdf' });
    expect(doc.text).toBe('Protected but readable\nPage two');
    expect(doc.title).toBe('Owner only');
  });

  it('keeps empty pages as empty ranges and warns about them', async () => {
    const doc = await extractDocument({ bytes: makePdf(['One', '', 'Three']), fileName: 'gaps.pdf' });
    expect(doc.text).toBe('One\nThree');
    expect(doc.pages).toEqual([
      { number: 1, start: 0, end: 3 },
      { number: 2, start: 3, end: 3 },
      { number: 3, start: 4, end: 9 },
    ]);
    expect(doc.warnings).toEqual(['Page 2 has no text (perhaps scanned images); they need OCR to be imported.']);
  });

  it('stops at the page limit, with a warning', async () => {
    const doc = await extractDocument({ bytes: makePdf(['A', 'B', 'C']), fileName: 'long.pdf' }, { limits: { maxPdfPages: 2 } });
    expect(doc.text).toBe('A\nB');
    expect(doc.warnings).toEqual(['Only the first 2 of 3 pages were imported.']);
  });

  it('gives up on a PDF that takes too long, as damaged, and reads the next one in a fresh worker', async () => {
    const slow = extractDocument(fixture('interview-ru-en.pdf'), { limits: { maxPdfMilliseconds: 1 } });
    await expect(slow).rejects.toThrow(/"interview-ru-en.pdf" could not be read as a PDF: this PDF is damaged \(reading it took more than 0.001 seconds\)/);
    const doc = await extractDocument({ bytes: makePdf(['After the stuck one']), fileName: 'next.pdf' });
    expect(doc.text).toBe('After the stuck one');
  });

  it('refuses a truncated or corrupt PDF as damaged', async () => {
    const bytes = fixture('interview-ru-en.pdf').bytes;
    const cut = bytes.subarray(0, 600);
    await expect(extractDocument({ bytes: cut, fileName: 'cut.pdf' })).rejects.toThrow(/"cut.pdf" (could not be read as a PDF|has no text layer)/);
    await expect(extractDocument({ bytes: Buffer.from('%PDF-1.7\n garbage garbage'), fileName: 'junk.pdf' })).rejects.toThrow(/"junk.pdf" could not be read as a PDF/);
  });
});

describe('PDF layout', () => {
  const piece = (str: string, x: number, y: number, more: Partial<PositionedText> = {}): PositionedText => ({
    str,
    x,
    y,
    width: str.length * 6,
    height: 12,
    hasEOL: false,
    ...more,
  });

  it('joins wrapped lines into a paragraph and splits at larger gaps', () => {
    const page = [
      piece('First line of a long', 72, 700),
      piece('paragraph that wraps.', 72, 686),
      piece('Second paragraph that', 72, 660),
      piece('continues here, and it', 72, 646),
      piece('ends.', 72, 632),
    ];
    expect(layoutPages([page])).toEqual([['First line of a long paragraph that wraps.', 'Second paragraph that continues here, and it ends.']]);
  });

  it('joins pieces of one line, adding a space only at a visible gap', () => {
    const page = [piece('Hel', 72, 700), piece('lo', 90, 700), piece('world', 110, 700.4)];
    expect(layoutPages([page])).toEqual([['Hello world']]);
  });

  it('ends a line at hasEOL even on the same baseline', () => {
    const page = [piece('Name:', 72, 700, { hasEOL: true }), piece('Anna', 72, 686)];
    expect(layoutPages([page])).toEqual([['Name: Anna']]);
    const table = [piece('Row one.', 72, 700, { hasEOL: true }), piece('', 72, 700, { hasEOL: true, width: 0, height: 0 }), piece('Row two', 72, 686)];
    expect(layoutPages([table])[0]).toEqual(['Row one. Row two']);
  });

  it('starts a paragraph at a speaker label, a first-line indent, or a font size change', () => {
    const page = [
      piece('Heading', 72, 740, { height: 20, width: 80 }),
      piece('И: Как вы пришли в волонтёрство? И кто вам помог', 72, 712),
      piece('тогда?', 72, 698),
      piece('Р: Случайно.', 72, 684),
      piece('Indented paragraph starts', 100, 670),
      piece('and goes on.', 72, 656),
    ];
    expect(layoutPages([page])).toEqual([
      ['Heading', 'И: Как вы пришли в волонтёрство? И кто вам помог тогда?', 'Р: Случайно.', 'Indented paragraph starts and goes on.'],
    ]);
  });

  it('joins hyphenated line ends without a space, and drops soft hyphens', () => {
    const page = [piece('кое-', 72, 700), piece('что и респон\u00ad', 72, 686), piece('дент', 72, 672)];
    expect(layoutPages([page])).toEqual([['кое-что и респондент']]);
  });

  it('measures spacing over the whole document, so a two-line page still splits', () => {
    const body = Array.from({ length: 6 }, (_, i) => piece(`line ${i}`, 72, 700 - i * 14));
    const short = [piece('Alone.', 72, 700), piece('Next paragraph.', 72, 672)];
    expect(layoutPages([body, short])[1]).toEqual(['Alone.', 'Next paragraph.']);
  });

  it('returns nothing for pages without text', () => {
    expect(layoutPages([[], [piece('   ', 72, 700)]])).toEqual([[], []]);
  });
});
