/**
 * Child process of the bench: loads the peer workload through the contract as a Quire user would
 * have built it: an `enterprise` case type with one case per enterprise, each document linked to
 * its enterprise, the 200 codes, and the 100,000 segments as codings (code points → UTF-16).
 */
import path from 'node:path';
import { codePointToUtf16 } from './offsets';
import type { PeerCode, PeerDocument, PeerSegment } from './peer-data';
import { readJsonl } from './peer-data';
import { buildProject, prepareArgs } from './prepare-common';

/** Codings per applyMany call, as the sample loader does: one operation each, progress between. */
const CHUNK = 5000;

const { out, key, values } = prepareArgs({ dataset: { type: 'string' }, 'generated-ms': { type: 'string' } });
if (!values.dataset) throw new Error('usage: --dataset DIR');
const dir = values.dataset;
const documents = readJsonl<PeerDocument>(path.join(dir, 'documents.jsonl'));
const codes = readJsonl<PeerCode>(path.join(dir, 'codes.jsonl'));
const segments = readJsonl<PeerSegment>(path.join(dir, 'segments.jsonl'));

await buildProject(
  out,
  key,
  'peer workload "16 enterprises"',
  Number(values['generated-ms'] ?? 0),
  documents.reduce((n, d) => n + d.text.length, 0),
  { actor: 'Bench Researcher', name: '16 enterprises (peer workload)', description: 'Deterministic synthetic workload shared with Taguette 1.5.2 (../shared/peer-workload).' },
  async (client, step) => {
    const type = await client.call('caseTypes.create', { name: 'enterprise' });
    const enterprises = new Map<string, string>();
    for (const name of [...new Set(documents.map((d) => d.enterprise))].sort()) {
      enterprises.set(name, (await client.call('cases.create', { typeId: type.id, name })).id);
    }
    step(`cases: ${enterprises.size} enterprises`);

    const codeIds = new Map<number, string>();
    for (const c of codes) codeIds.set(c.code, (await client.call('codes.create', { name: c.name, definition: c.description })).id);
    step(`codebook: ${codeIds.size} codes`);

    const docIds = new Map<number, string>();
    for (const d of documents) {
      const created = await client.call('documents.create', { title: d.name, kind: 'other', text: d.text, caseIds: [enterprises.get(d.enterprise)!] });
      // Offsets point into the text as given: if Quire's canonical form changed it, every coding would be off.
      if (created.length !== d.text.length) throw new Error(`Quire changed the text of ${d.name} on import (${d.text.length} → ${created.length} units): offsets would not match.`);
      docIds.set(d.doc, created.id);
    }
    const first = documents[0];
    if (first && (await client.call('documents.get', { id: docIds.get(first.doc)! })).text !== first.text) throw new Error(`Quire changed the text of ${first.name} on import.`);
    step(`documents: ${docIds.size}`);

    const byDoc = new Map(documents.map((d) => [d.doc, d]));
    const converters = new Map<number, (cp: number) => number>();
    const to16 = (doc: number): ((cp: number) => number) => {
      let convert = converters.get(doc);
      if (!convert) {
        convert = codePointToUtf16(byDoc.get(doc)!.text);
        converters.set(doc, convert);
      }
      return convert;
    };
    let created = 0;
    for (let i = 0; i < segments.length; i += CHUNK) {
      const result = await client.call('codings.applyMany', {
        codings: segments.slice(i, i + CHUNK).map((s) => ({
          documentId: docIds.get(s.doc)!,
          codeId: codeIds.get(s.code)!,
          start: to16(s.doc)(s.start),
          end: to16(s.doc)(s.end),
        })),
      });
      created += result.created;
    }
    step(`codings: ${created.toLocaleString('en-US')} of ${segments.length.toLocaleString('en-US')} segments`);
  },
);
