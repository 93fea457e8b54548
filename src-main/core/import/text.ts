/**
 * Plain text (.txt, .text, no extension, and unknown text-like files) and Markdown. Both are
 * decoded with encoding detection; Markdown is then converted with `markdownToText`, the same
 * conversion `documents.create` applies, and its decoded source is returned alongside.
 */
import { normalizeText } from '../../../src-shared/text';
import { decodeBytes } from './encoding';
import { importError } from './errors';
import type { ImportLimits } from './limits';
import { markdownToText } from './markdown';
import type { ExtractedDocument } from './types';

export function extractPlainText(
  bytes: Uint8Array,
  fileName: string,
  format: 'text' | 'markdown',
  encoding: string | undefined,
  limits: ImportLimits,
): ExtractedDocument {
  const decoded = decodeBytes(bytes, fileName, encoding !== undefined ? { override: encoding } : {});
  if (decoded.text.length > limits.maxTextChars) {
    throw importError(fileName, `holds more text than Quire imports at once (over ${limits.maxTextChars.toLocaleString('en')} characters). Split it into smaller documents.`);
  }
  const text = normalizeText(format === 'markdown' ? markdownToText(decoded.text) : decoded.text);
  if (text.trim() === '') throw importError(fileName, 'contains no text (only spaces or empty lines).');
  const base = { text, format, encoding: decoded.encoding, pages: [], warnings: decoded.warnings, title: null };
  return format === 'markdown' ? { ...base, markdown: decoded.text } : base;
}
