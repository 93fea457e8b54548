import type BetterSqlite3 from 'better-sqlite3';
import { splitSegments } from '../../../src-shared/text';
import { statement } from '../db/statements';

/**
 * The cases speakers are linked to, by document and speaker label. A link made to a label an
 * older segmenter read whole (`Директор (показывая договор)`, before a stage direction before the
 * colon was told apart from the name) counts for the label the turns carry now (`Директор`) too,
 * unless that label has a link of its own: upgrading must not unlink an informant.
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
  for (const l of rows) {
    let ofDocument = links.get(l.document_id);
    if (!ofDocument) links.set(l.document_id, (ofDocument = new Map()));
    ofDocument.set(l.speaker, l.case_id);
  }
  for (const ofDocument of links.values()) {
    for (const [label, caseId] of [...ofDocument]) {
      const now = labelReadNow(label);
      if (now !== label && !ofDocument.has(now)) ofDocument.set(now, caseId);
    }
  }
  return links;
}

/** The speaker the segmenter reads from `label:` today (the label itself when it reads none). */
function labelReadNow(label: string): string {
  if (!label.includes('(')) return label;
  return splitSegments(`${label}: ·`)[0]?.speaker ?? label;
}
