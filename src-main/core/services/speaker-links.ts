import type BetterSqlite3 from 'better-sqlite3';
import { splitSegments } from '../../../src-shared/text';
import { statement } from '../db/statements';

/**
 * The cases speakers are linked to, by document and the speaker label turns carry now. A link
 * made to a label an older segmenter read whole (`Директор (показывая договор)`, before a stage
 * direction before the colon was told apart from the name) counts for the label the turns carry
 * now (`Директор`), unless that label has a link of its own: upgrading must not unlink an
 * informant. The old label itself is not listed: no turn carries it any more.
 *
 * @example
 * speakerLinks(raw, documentId).get(documentId)?.get('Р'); // the informant case of "Р:" turns
 */
export function speakerLinks(raw: BetterSqlite3.Database, documentId?: string): Map<string, Map<string, string>> {
  const rows = (
    documentId === undefined
      ? statement(raw, 'SELECT document_id, speaker, case_id FROM speaker_links').all()
      : statement(raw, 'SELECT document_id, speaker, case_id FROM speaker_links WHERE document_id = ?').all(documentId)
  ) as { document_id: string; speaker: string; case_id: string }[];
  const links = new Map<string, Map<string, string>>();
  const ofDocument = (id: string): Map<string, string> => {
    let found = links.get(id);
    if (!found) links.set(id, (found = new Map()));
    return found;
  };
  const read = rows.map((l) => ({ ...l, now: labelReadNow(l.speaker) }));
  // A label's own link first, so one made to an older reading of it never overrides it.
  for (const l of read) if (l.now === l.speaker) ofDocument(l.document_id).set(l.speaker, l.case_id);
  for (const l of read) {
    const byLabel = ofDocument(l.document_id);
    if (!byLabel.has(l.now)) byLabel.set(l.now, l.case_id);
  }
  return links;
}

/**
 * The ids of a document's links that count for `label` as turns carry it now: its own and any
 * made to an older reading of it, so unlinking or relinking the label leaves none behind.
 */
export function speakerLinkIds(raw: BetterSqlite3.Database, documentId: string, label: string): string[] {
  const rows = statement(raw, 'SELECT id, speaker FROM speaker_links WHERE document_id = ?').all(documentId) as { id: string; speaker: string }[];
  return rows.filter((l) => l.speaker === label || labelReadNow(l.speaker) === label).map((l) => l.id);
}

/** The speaker the segmenter reads from `label:` today (the label itself when it reads none). */
function labelReadNow(label: string): string {
  if (!label.includes('(')) return label;
  return splitSegments(`${label}: ·`)[0]?.speaker ?? label;
}
