/**
 * The shape every extracts writer has: told the head first, then groups and batches of excerpts
 * as the builder produces them, so a writer can stream (CSV, XLSX) instead of holding the
 * whole export twice.
 */
import type { ExtractExcerpt, ExtractsHead, ExtractShow, ExtractsModel } from '../../../src-shared/model/extracts';
import type { Output } from './output';

export interface ExtractsWriter {
  /** A new group starts: its heading (null when excerpts are not grouped). */
  group(heading: string | null): void;
  /** The next excerpts of the current group. */
  excerpts(batch: readonly ExtractExcerpt[]): void;
  /** Everything is written; formats that build the whole file at the end (DOCX) write it now. */
  finish(): Promise<void>;
}

export type WriterFactory = (out: Output, head: ExtractsHead, show: ExtractShow) => ExtractsWriter;

/** Writes a model held in memory. */
export async function writeModel(model: ExtractsModel, writer: ExtractsWriter): Promise<void> {
  for (const group of model.groups) {
    writer.group(group.heading);
    writer.excerpts(group.excerpts);
  }
  await writer.finish();
}

/** Text split into lines, for formats that mark line breaks themselves. */
export const lines = (text: string): string[] => text.split(/\r\n|\r|\n/);
