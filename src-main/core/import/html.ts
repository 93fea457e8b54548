/**
 * HTML files (.html, .htm): web pages saved by a browser, Word's "Save as Web Page", exported
 * chats. The charset comes from a byte-order mark, then the page's own declaration (`<meta
 * charset>`, the http-equiv form, or an XML declaration), then detection as for plain text.
 */
import { decodeBytes } from './encoding';
import { importError } from './errors';
import { htmlToText } from './html-text';
import type { ImportLimits } from './limits';
import type { ExtractedDocument } from './types';

export function extractHtml(bytes: Uint8Array, fileName: string, encoding: string | undefined, limits: ImportLimits): ExtractedDocument {
  const declared = declaredCharset(bytes);
  const decoded = decodeBytes(bytes, fileName, encoding !== undefined ? { override: encoding } : declared ? { declared } : {});
  const { text, title } = htmlToText(decoded.text, fileName, limits.maxTextChars);
  if (text === '') throw importError(fileName, 'contains no text: the page is empty, or all of it is scripts, styles or images.');
  return { text, format: 'html', encoding: decoded.encoding, pages: [], warnings: decoded.warnings, title };
}

/** The charset a page declares in its first kilobytes, as HTML's "prescan" finds it. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)/i.exec(head);
  if (meta) return meta[1]!;
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([a-zA-Z0-9_:.-]+)["']/i.exec(head);
  return xml ? xml[1]! : null;
}
