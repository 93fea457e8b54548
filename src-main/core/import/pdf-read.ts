/**
 * Reading a PDF's text with pdf.js (the legacy build, which runs on Node 20) in the calling
 * thread. Only `pdf-worker.ts` calls it, inside a worker thread (`pdf.ts` says why). pdf.js
 * normally parses in a Web Worker; Node has none, so it runs a "fake worker" in the same thread. Its default is a
 * dynamic import of a path next to pdf.mjs, which breaks once the core is bundled, so the worker
 * module is imported here and handed over through `globalThis.pdfjsWorker`, which pdf.js checks
 * first. No eval, no font loading, no network: only the text layer is read.
 *
 * Each page's pieces go through `layoutPage`; pages are joined with '\n' and their ranges kept in
 * `pages`. A password-protected PDF and a PDF without a text layer (scans) are refused with a
 * message saying what to do.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { importError, unreadable } from './errors';
import type { ImportLimits } from './limits';
import { PDF_FORMAT_NAME } from './pdf';
import { layoutPages } from './pdf-layout';
import type { PositionedText } from './pdf-layout';
import { normalizeText } from '../../../src-shared/text';
import type { ExtractedDocument, PageRange } from './types';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** pdf.js's data folders (character maps for old CJK/Cyrillic fonts, standard font metrics), when resolvable. */
function dataFolders(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${root}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}/standard_fonts/` };
  } catch {
    return {}; // bundled without node_modules: text of most PDFs still comes out
  }
}


export async function readPdf(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may take over the buffer it is given, and refuses Node Buffers; it gets a plain copy.
    data: new Uint8Array(bytes),
    // Set explicitly: in Electron's utility process pdf.js does not detect Node and would reach
    // for browser features (FontFace, OffscreenCanvas) that are not there.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...dataFolders(),
  });
  // No `onPassword` handler: without one, pdf.js rejects with a PasswordException instead of waiting.
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error, fileName);
  }
  try {
    return await readPages(doc, fileName, limits);
  } catch (error) {
    throw pdfError(error, fileName);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function pdfError(error: unknown, fileName: string): Error {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException' || (error instanceof Error && /password/i.test(error.message))) {
    return importError(
      fileName,
      'is password-protected, so Quire cannot read its text. Open it with the password, save or print an unprotected copy (for example "Print to PDF"), and import that copy.',
    );
  }
  return unreadable(fileName, PDF_FORMAT_NAME, error);
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

async function readPages(doc: PdfDocument, fileName: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const warnings: string[] = [];
  const count = Math.min(doc.numPages, limits.maxPdfPages);
  if (doc.numPages > count) warnings.push(`Only the first ${count} of ${doc.numPages} pages were imported.`);
  const pieces: PositionedText[][] = [];
  for (let number = 1; number <= count; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const items: PositionedText[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const t = item as TextItem;
      const transform = t.transform as number[];
      items.push({ str: t.str, x: transform[4] ?? 0, y: transform[5] ?? 0, width: t.width, height: t.height, hasEOL: t.hasEOL });
    }
    pieces.push(items);
  }
  const pages: PageRange[] = [];
  const emptyPages: number[] = [];
  let text = '';
  layoutPages(pieces).forEach((paragraphs, index) => {
    const number = index + 1;
    const pageText = normalizeText(paragraphs.join('\n'));
    if (pageText === '') {
      emptyPages.push(number);
      pages.push({ number, start: text.length, end: text.length });
      return;
    }
    if (text !== '') text += '\n';
    const start = text.length;
    text += pageText;
    pages.push({ number, start, end: text.length });
  });
  if (text.length > limits.maxTextChars) {
    throw importError(fileName, `holds more text than Quire imports at once (over ${limits.maxTextChars.toLocaleString('en')} characters). Split it into smaller documents.`);
  }
  if (text.trim() === '') {
    throw importError(
      fileName,
      'has no text layer: its pages are images (a scan or photos of pages), so there is no text to import. Run it through OCR (text recognition) first, for example in ABBYY FineReader, Adobe Acrobat or the free OCRmyPDF, and import the result.',
      { pages: doc.numPages },
    );
  }
  if (emptyPages.length > 0) {
    warnings.push(
      `${emptyPages.length === 1 ? `Page ${emptyPages[0]} has` : `Pages ${summarise(emptyPages)} have`} no text (perhaps scanned images); they need OCR to be imported.`,
    );
  }
  if (looksGarbled(text)) {
    warnings.push('Much of the text in this PDF looks garbled (its fonts do not say which letters they draw). Check the text; if it is unreadable, run the PDF through OCR first.');
  }
  return { text, format: 'pdf', encoding: null, pages, warnings, title: await pdfTitle(doc) };
}

/** "3, 5, 7–9" */
function summarise(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j > i + 1 ? `${numbers[i]}–${numbers[j]}` : j === i + 1 ? `${numbers[i]}, ${numbers[j]}` : `${numbers[i]}`);
    i = j;
  }
  return parts.length > 10 ? `${parts.slice(0, 10).join(', ')}…` : parts.join(', ');
}

/** Fonts without a Unicode map come out as private-use or replacement characters. */
function looksGarbled(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const odd = sample.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0;
  return odd > 20 && odd > sample.replace(/\s/g, '').length * 0.2;
}

async function pdfTitle(doc: PdfDocument): Promise<string | null> {
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' ? info.Title.replace(/\s+/g, ' ').trim() : '';
    return title === '' ? null : title;
  } catch {
    return null;
  }
}
