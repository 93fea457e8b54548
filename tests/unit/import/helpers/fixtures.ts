/** The committed import fixtures (fixtures/import, see its README), read as an import would get them. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSegments } from '../../../../src-shared/text';

export const FIXTURES = fileURLToPath(new URL('../../../../fixtures/import', import.meta.url));

export function fixture(fileName: string): { bytes: Buffer; fileName: string } {
  return { bytes: fs.readFileSync(path.join(FIXTURES, fileName)), fileName };
}

/** Each line's kind, speaker, timestamp and asides, as the reader and the analyses will see them. */
export function structure(text: string): [kind: string, speaker: string | null, timestamp: string | null, asides: string[]][] {
  return splitSegments(text).map((s) => [s.kind, s.speaker, s.timestamp, s.asides.map((a) => text.slice(a.start, a.end))]);
}
