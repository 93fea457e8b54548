/**
 * Word documents (.docx). mammoth turns the document into semantic HTML (headings, paragraphs,
 * tables, footnotes), which `htmlToText` flattens like any web page: headings stay their own
 * paragraphs and each table row becomes one "cell | cell" paragraph.
 *
 * The zip has already been opened by `readZip`, which enforces the size limits on every XML part
 * mammoth will read; images are never inflated (the image converter does not read them).
 * The title comes from the document properties (docProps/core.xml).
 */
import type Mammoth from 'mammoth';
import { importError, plural, unreadable } from './errors';
import { htmlToText } from './html-text';
import type { ImportLimits } from './limits';
import type { ExtractedDocument } from './types';
import { parseSimple, textAt } from './xml';
import type { ZipContents } from './zip';

export const DOCX_FORMAT_NAME = 'a Word document (DOCX)';

/** Parts mammoth reads, plus the metadata; these are inflated (and size-checked) by `readZip`. */
export function isDocxTextPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** A WordprocessingML package: its parts live under word/ (the main part is usually word/document.xml). */
export function looksLikeDocx(names: readonly string[]): boolean {
  return names.includes('word/document.xml') || (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/')));
}

export async function extractDocx(bytes: Uint8Array, fileName: string, zip: ZipContents, limits: ImportLimits): Promise<ExtractedDocument> {
  let images = 0;
  let result: Awaited<ReturnType<typeof Mammoth.convertToHtml>>;
  try {
    // Loaded on first use: mammoth costs ~0.2 s to import, and most imports are not DOCX.
    const { default: mammoth } = await import('mammoth');
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        convertImage: mammoth.images.imgElement(() => {
          images++;
          return Promise.resolve({ src: '' });
        }),
        ignoreEmptyParagraphs: true,
        externalFileAccess: false,
      },
    );
  } catch (error) {
    if (error instanceof Error && /main document part/i.test(error.message)) {
      throw importError(fileName, `is not a complete Word document: the main text part is missing. Open it in Word or LibreOffice, save it again as .docx, and import the new copy.`);
    }
    throw unreadable(fileName, DOCX_FORMAT_NAME, error);
  }
  const footnotes = (result.value.match(/<li id="(?:footnote|endnote)-\d+"/g) ?? []).length;
  const html = result.value
    // The "↑" links back to a footnote's reference are navigation, not text.
    .replace(/<a href="#(?:footnote|endnote)-ref-\d+">↑<\/a>/g, '')
    // Each note starts with its marker, as the reference in the text shows it: "[1] …".
    .replace(/<li id="(?:footnote|endnote)-(\d+)">(<p>)?/g, (match: string, n: string) => `${match}[${n}] `);
  const { text } = htmlToText(html, fileName, limits.maxTextChars);
  if (text === '') throw importError(fileName, 'contains no text (it may hold only pictures or scanned pages; those need OCR first).');

  const warnings: string[] = [];
  if (footnotes > 0) warnings.push(`${plural(footnotes, 'footnote')} placed at the end of the text; the markers [1], [2]… show where they belong.`);
  if (images > 0) warnings.push(`${plural(images, 'picture')} left out; only text is imported.`);
  for (const message of result.messages) {
    // Unknown styles do not matter once formatting is dropped; everything else is worth saying.
    if (/^Unrecognised (paragraph|run|table) style/i.test(message.message)) continue;
    warnings.push(`While reading the Word document: ${message.message}`);
  }
  return { text, format: 'docx', encoding: null, pages: [], warnings: [...new Set(warnings)], title: docxTitle(zip, fileName) };
}

function docxTitle(zip: ZipContents, fileName: string): string | null {
  const core = zip.files.get('docProps/core.xml');
  if (!core) return null;
  try {
    return textAt(parseSimple(core.toString('utf8'), fileName, 'docProps/core.xml'), ['coreProperties', 'title']);
  } catch {
    return null; // A broken properties part should not stop the import of the text.
  }
}
