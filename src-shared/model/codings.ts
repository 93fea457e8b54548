import { contextAround } from '../text';
import type { Coding, DocumentCoding } from './entities';

/** A coding's words: those it was made on if an edit flagged it, else the text at its offsets. */
export function quoteOf(text: string, coding: DocumentCoding): string {
  return coding.storedQuote ?? text.slice(coding.start, coding.end);
}

/** A document's coding with its words and their context, from the document's text. */
export function withWords(text: string, coding: DocumentCoding): Coding {
  const context = contextAround(text, coding.start, coding.end);
  const { storedQuote: _, ...rest } = coding;
  return { ...rest, quote: quoteOf(text, coding), contextBefore: context.before, contextAfter: context.after };
}
