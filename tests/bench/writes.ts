/** Writing operations: each goes through the one mutation path (transaction + change log). */
import { BUDGET_MS } from './budgets';
import { prng, rotate } from './pick';
import type { ResultRow } from './rows';
import { progress } from './log';
import { measured } from './rows';
import type { Session } from './session';
import { summarize } from './stats';
import type { Summary } from './stats';
import { measure } from './timing';

interface Passage {
  readonly documentId: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
}

/** Random passages of 50–600 characters in random documents, with random codes: none coded yet, practically. */
export function passages(s: Session, count: number, seed: number): Passage[] {
  const random = prng(seed);
  const docs = s.documents.filter((d) => d.length > 700);
  const codes = s.codes.filter((c) => !c.archived);
  if (docs.length === 0 || codes.length === 0) throw new Error('The project has no document or code to code with.');
  return Array.from({ length: count }, () => {
    const doc = docs[Math.floor(random() * docs.length)]!;
    const length = 50 + Math.floor(random() * 551);
    const start = Math.floor(random() * (doc.length - length));
    return { documentId: doc.id, codeId: codes[Math.floor(random() * codes.length)]!.id, start, end: start + length };
  });
}

/** Times a sequence of steps per repetition, keeping one sample list per timed step. */
async function sequence(warmup: number, reps: number, steps: readonly { readonly name: string; readonly timed: boolean; readonly run: (i: number) => unknown }[]): Promise<Map<string, Summary>> {
  const samples = new Map<string, number[]>();
  for (let i = -warmup; i < reps; i++) {
    for (const step of steps) {
      const t0 = performance.now();
      await step.run(i);
      const ms = performance.now() - t0;
      if (step.timed && i >= 0) samples.set(step.name, [...(samples.get(step.name) ?? []), ms]);
    }
  }
  return new Map([...samples].map(([name, list]) => [name, summarize(list)]));
}

function get(results: Map<string, Summary>, name: string): Summary {
  const s = results.get(name);
  if (!s) throw new Error(`No samples for ${name}.`);
  return s;
}

/** Apply then remove one coding, each its own operation with its change-log entry; then undo and redo of one. */
export async function codingWriteRows(s: Session): Promise<ResultRow[]> {
  progress('codings.apply / codings.remove / history.undo / history.redo');
  const plan = s.plans('write');
  const total = plan.warmup + plan.reps;
  const ours = passages(s, total, 1991);
  const raws = passages(s, total, 1994);
  const at = (list: readonly Passage[], i: number): Passage => list[i + plan.warmup]!;

  let codingId = '';
  const core = await sequence(plan.warmup, plan.reps, [
    { name: 'apply', timed: true, run: async (i) => (codingId = (await s.client.call('codings.apply', at(ours, i))).id) },
    { name: 'remove', timed: true, run: () => s.client.call('codings.remove', { id: codingId }) },
  ]);
  let rawId = '';
  const raw = await sequence(plan.warmup, plan.reps, [
    { name: 'apply', timed: true, run: (i) => (rawId = s.rawWrites.applyCoding(at(raws, i).documentId, at(raws, i).codeId, at(raws, i).start, at(raws, i).end)) },
    { name: 'remove', timed: true, run: () => s.rawWrites.removeCoding(rawId) },
  ]);
  const history = await sequence(plan.warmup, plan.reps, [
    { name: 'apply', timed: false, run: async (i) => (codingId = (await s.client.call('codings.apply', rotate(ours, i))).id) },
    { name: 'undo', timed: true, run: () => s.client.call('history.undo', {}) },
    { name: 'redo', timed: true, run: () => s.client.call('history.redo', {}) },
    { name: 'remove', timed: false, run: () => s.client.call('codings.remove', { id: codingId }) },
  ]);
  return [
    measured('apply one coding (incl. change log)', 'codings.apply; a random 50–600 character passage', BUDGET_MS.applyRemove, get(core, 'apply'), get(raw, 'apply')),
    measured('remove one coding (incl. change log)', 'codings.remove', BUDGET_MS.applyRemove, get(core, 'remove'), get(raw, 'remove')),
    measured('  … undo one coding', 'history.undo', null, get(history, 'undo'), null),
    measured('  … redo one coding', 'history.redo', null, get(history, 'redo'), null),
  ];
}

/** Importing a document: creation, paragraphs and change log; undone (untimed) after each repetition. */
export async function importRow(s: Session, text: string, label: string): Promise<ResultRow> {
  progress('documents.create (import)');
  const plan = s.plans('import');
  const kb = Math.round(Buffer.byteLength(text, 'utf8') / 1000);
  const ours = await measure(
    plan,
    (i) => s.client.call('documents.create', { title: `Bench import ${i}`, kind: 'other', text }),
    () => s.client.call('history.undo', {}),
  );
  let rawId = '';
  const raw = await measure(
    plan,
    (i) => (rawId = s.rawWrites.importDocument(`Raw import ${i}`, text)),
    () => s.rawWrites.deleteDocument(rawId),
  );
  return measured(
    label,
    `documents.create; ${kb} KB, ${text.length.toLocaleString('en-US')} characters; indexing today = paragraphs (full-text index: issue 7)`,
    BUDGET_MS.import200k,
    ours,
    raw,
  );
}

/**
 * Auto-coding a common word across every document as one operation, then undoing and redoing it
 * (history.undo/redo replay the whole operation's change log).
 */
export async function autocodeRows(s: Session, word: string): Promise<ResultRow[]> {
  progress('autocode.preview / autocode.apply / undo / redo');
  const code = s.codes.find((c) => !c.archived);
  if (!code) throw new Error('No code to auto-code with.');
  const query = { pattern: word, mode: 'word' as const, codeId: code.id };
  const preview = await s.client.call('autocode.preview', query);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${word.toLowerCase()}(?![\\p{L}\\p{N}])`, 'gu');
  const previewRow = measured(
    `auto-code preview of a common word`,
    `autocode.preview "${word}"; ${preview.matches.toLocaleString('en-US')} matches in ${preview.documents.toLocaleString('en-US')} documents; raw = the regex over every text`,
    null,
    await measure(s.plans('heavy'), () => s.client.call('autocode.preview', query)),
    await measure(s.plans('heavy'), () => s.raw.countMatches(regex)),
  );
  const plan = s.plans('heavy');
  const cycle = await sequence(plan.warmup, plan.reps, [
    { name: 'apply', timed: true, run: () => s.client.call('autocode.apply', query) },
    { name: 'undo', timed: true, run: () => s.client.call('history.undo', {}) },
    { name: 'redo', timed: true, run: () => s.client.call('history.redo', {}) },
    { name: 'undo again', timed: false, run: () => s.client.call('history.undo', {}) },
  ]);
  return [
    previewRow,
    measured('auto-code a common word', `autocode.apply "${word}"; ${preview.newCodings.toLocaleString('en-US')} new codings in one operation`, null, get(cycle, 'apply'), null),
    measured('  … undo that auto-coding', 'history.undo', null, get(cycle, 'undo'), null),
    measured('  … redo it', 'history.redo', null, get(cycle, 'redo'), null),
  ];
}
