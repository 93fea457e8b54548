import { summary } from '../../../src-shared/model/summaries';
import { QuireError } from '../../../src-shared/contract/errors';
import type { AutocodeQuery } from '../../../src-shared/contract';
import { foldForSearch } from '../../../src-shared/text';
import type { QueryContext, SomeHandlers } from '../context';
import { CodingBatch } from './codings';

interface Hit {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The search as a regular expression over text that is ё-folded and lower-cased unless case matters. */
function compile(q: AutocodeQuery): RegExp {
  // Lower-casing a regular expression would change its meaning (\S is not \s), so only ё is
  // folded there and the `i` flag does the rest.
  const pattern = q.caseSensitive ? q.pattern : q.mode === 'regex' ? q.pattern.replace(/[ёЁ]/g, 'е') : foldForSearch(q.pattern);
  let source: string;
  if (q.mode === 'regex') source = pattern;
  else {
    const phrase = pattern.trim().split(/\s+/).map(escape).join('\\s+');
    source = q.mode === 'word' ? `(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])` : phrase;
  }
  try {
    return new RegExp(source, q.caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    throw new QuireError('invalid_pattern', `The search pattern is not a valid regular expression: ${(error as Error).message}`, { pattern: q.pattern });
  }
}

interface SegmentSpan {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
}

/** Every passage the query would code, document by document. */
function* findHits(ctx: QueryContext, q: AutocodeQuery): Generator<Hit> {
  const regex = compile(q);
  const documents = (
    q.documentIds
      ? q.documentIds.map((id) => ctx.raw.prepare('SELECT d.id, r.id AS revision_id, r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id WHERE d.id = ?').get(id))
      : ctx.raw.prepare('SELECT d.id, r.id AS revision_id, r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id ORDER BY d.title').all()
  ) as ({ id: string; revision_id: string; text: string } | undefined)[];
  const segmentsOf = ctx.raw.prepare('SELECT start_offset AS start, end_offset AS end, speaker FROM segments WHERE revision_id = ? ORDER BY ord');
  const speakers = q.speakers ? new Set(q.speakers) : null;
  for (const [i, document] of documents.entries()) {
    if (!document) throw new QuireError('not_found', 'One of the chosen documents was not found in this project.', { documentId: q.documentIds?.[i] });
    const text = q.caseSensitive ? document.text : foldForSearch(document.text);
    const segments = speakers || q.extent === 'segment' ? (segmentsOf.all(document.revision_id) as SegmentSpan[]) : [];
    let s = 0;
    let lastSegment = -1;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (segments.length === 0) {
        yield { documentId: document.id, start, end };
        continue;
      }
      while (s < segments.length && segments[s]!.end <= start) s++;
      const segment = segments[s];
      if (!segment || segment.start > start) continue; // between paragraphs
      if (speakers && (segment.speaker === null || !speakers.has(segment.speaker))) continue;
      if (q.extent === 'segment') {
        if (s !== lastSegment) yield { documentId: document.id, start: segment.start, end: segment.end };
        lastSegment = s;
      } else yield { documentId: document.id, start, end };
    }
  }
}

export const autocodeHandlers: SomeHandlers<'autocode.preview' | 'autocode.apply'> = {
  'autocode.preview': async (ctx, { codeId, ...q }) => {
    const existing = ctx.raw.prepare('SELECT 1 FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?');
    const titles = ctx.raw.prepare('SELECT d.title, r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id WHERE d.id = ?');
    const documents = new Set<string>();
    const samples: { documentId: string; title: string; start: number; end: number; text: string }[] = [];
    let matches = 0;
    let newCodings = 0;
    for (const hit of findHits(ctx, q)) {
      matches++;
      documents.add(hit.documentId);
      if (!codeId || !existing.get(hit.documentId, codeId, ctx.actor.id, hit.start, hit.end)) newCodings++;
      if (samples.length < 20) {
        const doc = titles.get(hit.documentId) as { title: string; text: string };
        samples.push({ ...hit, title: doc.title, text: doc.text.slice(hit.start, hit.end) });
      }
    }
    return { matches, documents: documents.size, newCodings, samples };
  },

  'autocode.apply': async (ctx, { codeId, ...q }) => {
    const batch = new CodingBatch(ctx);
    let matches = 0;
    for (const hit of findHits(ctx, q)) {
      batch.apply({ ...hit, codeId });
      if (++matches % 2000 === 0) ctx.progress(matches, 0);
    }
    const code = ctx.write.read('codes', codeId);
    ctx.describe(summary('autocode.code', { count: batch.created, pattern: q.pattern, code: code.name }));
    return { created: batch.created, matches };
  },
};
