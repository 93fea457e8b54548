/**
 * The one entry point for importing a document: bytes and a file name in, canonical text out.
 *
 * The format is decided by the file's content first (magic bytes: a PDF renamed to .txt is still
 * a PDF; a photo renamed to .docx is refused as a photo), then by its extension. Zip containers
 * are opened once, safely (`readZip`), and told apart by what they contain, so an ODT saved as
 * .docx still imports. Every failure is a QuireError whose message names the file.
 */
import { QuireError } from '../../../src-shared/contract/errors';
import { extractDocx, DOCX_FORMAT_NAME, isDocxTextPart, looksLikeDocx } from './docx';
import { importError, unreadable } from './errors';
import { extractHtml } from './html';
import { formatBytes, resolveLimits } from './limits';
import type { ImportLimits } from './limits';
import { extractOdt, isOdtPart, ODT_FORMAT_NAME, ODT_MIMETYPE } from './odt';
import { extractPdf } from './pdf';
import { extractRtf } from './rtf';
import { indexOfAscii, sniff } from './sniff';
import { extractPlainText } from './text';
import type { ExtractInput, ExtractOptions, ExtractedDocument } from './types';
import { readZip } from './zip';

const TEXT_EXTENSIONS = new Set(['', 'txt', 'text', 'log', 'csv', 'tsv', 'srt', 'vtt', 'asc']);
const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown', 'mdown', 'mkd']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'xht']);

/** Formats people often try, with what to do instead. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  doc: 'is an old Word 97–2003 document (.doc), which Quire cannot read. Open it in Word or LibreOffice, save it as .docx, and import that.',
  xls: 'is an old Excel 97–2003 workbook (.xls). Save it as .xlsx or CSV; case lists are imported from those.',
  xlsx: 'is an Excel workbook. Spreadsheets are imported as case lists, not as documents.',
  ods: 'is an OpenDocument spreadsheet. Save it as .xlsx or CSV to import it as a case list.',
  ppt: 'is a PowerPoint presentation, which Quire cannot read. Save it as PDF and import that.',
  pptx: 'is a PowerPoint presentation, which Quire cannot read. Save it as PDF and import that.',
  odp: 'is a presentation, which Quire cannot read. Save it as PDF and import that.',
  pages: 'is an Apple Pages document, which Quire cannot read. Export it as Word (.docx) or PDF and import that.',
  epub: 'is an e-book (EPUB), which Quire cannot read. Convert it to .docx or PDF first.',
  djvu: 'is a DjVu scan, which has no text Quire can read. Convert it to PDF with OCR (text recognition) first.',
  qdpx: 'is a REFI-QDA project exchange file; it is opened as a project, not imported as a document.',
};

/** Reads the text of a document file. See `ExtractedDocument`. */
export async function extractDocument(input: ExtractInput, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const limits = resolveLimits(options.limits);
  checkSize(input.bytes, input.fileName, limits);
  try {
    return await dispatch(input, limits);
  } catch (error) {
    throw asImportError(error, input.fileName, 'a document');
  }
}

async function dispatch(input: ExtractInput, limits: ImportLimits): Promise<ExtractedDocument> {
  const { bytes, fileName } = input;
  const ext = extensionOf(fileName);
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'pdf':
      return extractPdf(bytes, fileName, limits);
    case 'rtf':
      return guard(() => extractRtf(bytes, fileName, limits), fileName, 'an RTF document');
    case 'zip':
      return extractZipDocument(bytes, fileName, ext, limits);
    case 'ole':
      throw importError(
        fileName,
        ext === 'xls'
          ? UNSUPPORTED.xls!
          : ext === 'docx' || ext === 'xlsx'
            ? 'is password-protected (or saved in an old Office format). Remove the password in Word or Excel (or save it as .docx), and import the new copy.'
            : 'is an old Word 97–2003 document (.doc) or another old Office file, which Quire cannot read. Open it in Word or LibreOffice, save it as .docx, and import that.',
      );
    case 'binary':
      throw importError(fileName, `is not a document Quire can read: it looks like ${sniffed.what}.`, { kind: sniffed.what });
    case 'unknown':
      break;
  }
  const unsupported = UNSUPPORTED[ext];
  if (unsupported) throw importError(fileName, unsupported);
  if (ext === 'pdf' || ext === 'docx' || ext === 'odt' || ext === 'rtf') {
    throw importError(fileName, `is named like ${formatWords(ext)} but is not one (its content does not match). It may be damaged, or saved under the wrong name.`);
  }
  if (HTML_EXTENSIONS.has(ext) || (!TEXT_EXTENSIONS.has(ext) && !MARKDOWN_EXTENSIONS.has(ext) && looksLikeHtml(bytes))) {
    return guard(() => extractHtml(bytes, fileName, input.encoding, limits), fileName, 'a web page (HTML)');
  }
  const format = MARKDOWN_EXTENSIONS.has(ext) ? 'markdown' : 'text';
  return extractPlainText(bytes, fileName, format, input.encoding, limits);
}

function checkSize(bytes: Uint8Array, fileName: string, limits: ImportLimits): void {
  if (bytes.length === 0) throw importError(fileName, 'is empty (0 bytes). Check that you picked the right file and that it was saved completely.');
  if (bytes.length > limits.maxFileBytes) {
    throw importError(
      fileName,
      `is too large to import (${formatBytes(bytes.length)}; the limit is ${formatBytes(limits.maxFileBytes)} per file). Split it into smaller files.`,
      { size: bytes.length, limit: limits.maxFileBytes },
    );
  }
}

async function extractZipDocument(bytes: Uint8Array, fileName: string, ext: string, limits: ImportLimits): Promise<ExtractedDocument> {
  const formatName = ext === 'odt' ? ODT_FORMAT_NAME : ext === 'docx' ? DOCX_FORMAT_NAME : 'a document';
  const zip = await readZip(bytes, fileName, { formatName, limits, want: (name) => isDocxTextPart(name) || isOdtPart(name) });
  const mimetype = zip.files.get('mimetype')?.toString('latin1').trim();
  if (looksLikeDocx(zip.names)) return extractDocx(bytes, fileName, zip, limits);
  if (mimetype === ODT_MIMETYPE || (mimetype === undefined && zip.names.includes('content.xml') && ext === 'odt')) {
    return guard(() => extractOdt(fileName, zip, limits), fileName, ODT_FORMAT_NAME);
  }
  if (zip.names.includes('xl/workbook.xml')) throw importError(fileName, UNSUPPORTED.xlsx!);
  if (zip.names.includes('ppt/presentation.xml')) throw importError(fileName, UNSUPPORTED.pptx!);
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) {
    throw importError(fileName, `is an OpenDocument file of another kind (${mimetype.replace('application/vnd.oasis.opendocument.', '')}), not a text document.`);
  }
  if (mimetype === 'application/epub+zip') throw importError(fileName, UNSUPPORTED.epub!);
  if (ext === 'docx' || ext === 'odt') {
    throw importError(fileName, `is not a complete ${ext === 'docx' ? 'Word document' : 'OpenDocument text'}: the main text part is missing. Open it in the program that made it, save it again, and import the new copy.`);
  }
  throw importError(fileName, 'is not a document Quire can read: it looks like a zip archive. Unpack it and import the documents inside.');
}

/** Runs a synchronous extractor, naming its format if a stray library error escapes. */
async function guard(run: () => ExtractedDocument, fileName: string, formatName: string): Promise<ExtractedDocument> {
  try {
    return run();
  } catch (error) {
    throw asImportError(error, fileName, formatName);
  }
}

/** A QuireError as it is; a stack overflow as "nested too deeply"; anything else as "damaged". */
export function asImportError(error: unknown, fileName: string, formatName: string): QuireError {
  if (error instanceof QuireError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return importError(fileName, 'is nested too deeply to be a real document. Quire did not open it.');
  }
  return unreadable(fileName, formatName, error);
}

/** The lower-case extension without the dot ('' for none). */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function formatWords(ext: string): string {
  return { pdf: 'a PDF', docx: 'a Word document', odt: 'an OpenDocument text', rtf: 'an RTF document' }[ext] ?? `a .${ext} file`;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && indexOfAscii(bytes, '<html', 1024) >= 0);
}
