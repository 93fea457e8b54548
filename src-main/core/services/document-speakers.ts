import type { DocumentSpeaker, SpeakerSide } from '../../../src-shared/contract/documents';
import { notFound } from '../../../src-shared/contract/errors';
import type { ReadContext } from '../context';
import { documentScope } from './document-scope';
import { SpeakerSides } from './speaker-sides';

interface Tally {
  readonly label: string;
  turns: number;
  readonly caseId: string | null;
  readonly side: SpeakerSide;
}

/**
 * The speaker labels of a document's current revision, in the order they first speak, each with
 * its turns, its case and its side, read by the same SpeakerSides that retrieval, exports and
 * reports use, so the list shows what they count.
 */
export function documentSpeakers(ctx: ReadContext, id: string): DocumentSpeaker[] {
  const document = documentScope(ctx, { attributes: [], caseIds: [], kinds: [], documentLanguages: [], from: null, to: null, coderIds: [] }).documents.get(id);
  if (!document) throw notFound('This document', id);
  const byLabel = new Map<string, Tally>();
  for (const turn of new SpeakerSides(ctx).turns(document).all()) {
    if (turn.speaker === null || turn.side === null) continue;
    const seen = byLabel.get(turn.speaker);
    if (seen) seen.turns++;
    else byLabel.set(turn.speaker, { label: turn.speaker, turns: 1, caseId: turn.caseId, side: turn.side });
  }
  return [...byLabel.values()];
}
