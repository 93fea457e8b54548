/** Which writer makes which format, with the file's type and extension. Writers load on first use (docx and exceljs are large). */
import type { ExtractFormat } from '../../../src-shared/model/extracts';
import type { WriterFactory } from './writer';

export const MIME_TYPES: Readonly<Record<ExtractFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function writerFor(format: ExtractFormat): Promise<WriterFactory> {
  switch (format) {
    case 'csv':
      return (await import('./csv')).csvWriter;
    case 'md':
      return (await import('./markdown')).markdownWriter;
    case 'html':
      return (await import('./html')).htmlWriter;
    case 'docx':
      return (await import('./docx')).docxWriter;
    case 'xlsx':
      return (await import('./xlsx')).xlsxWriter;
  }
}

/** A file name from what was exported: letters (Cyrillic too) and digits, dashes between. */
export function fileNameFor(title: string, extension: string): string {
  const stem = title.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'export';
  return `quire-${stem}.${extension}`;
}
