import { describe, expect, it } from 'vitest';
import { quoteOf, withWords } from '../../../src-shared/model/codings';
import type { DocumentCoding } from '../../../src-shared/model/entities';

const TEXT = 'И: Как распределяют работу?\nР: Мастер даёт калым своим.';
const at = (words: string): { start: number; end: number } => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const coding = (span: { start: number; end: number }, storedQuote?: string): DocumentCoding => ({
  id: 'c', documentId: 'd', revisionId: 'r', codeId: 'x', ...span, coderId: 'm', createdAt: '', status: storedQuote ? 'needs_review' : 'ok', comment: null,
  ...(storedQuote === undefined ? {} : { storedQuote }),
});

describe('a document’s codings beside its text', () => {
  it('take their words and context from the text at their offsets', () => {
    const c = withWords(TEXT, coding(at('даёт калым')));
    expect(c).toMatchObject({ quote: 'даёт калым', contextAfter: ' своим.' });
    expect(c.contextBefore.endsWith('Р: Мастер ')).toBe(true);
    expect(c).not.toHaveProperty('storedQuote');
  });

  it('keep the words a flagged coding was made on', () => {
    const flagged = coding(at('калым'), 'выгодную работу');
    expect(quoteOf(TEXT, flagged)).toBe('выгодную работу');
    expect(withWords(TEXT, flagged).quote).toBe('выгодную работу');
  });
});
