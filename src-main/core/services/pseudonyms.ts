/**
 * The pseudonym registry and the leak check. Entries are checked against each other so the
 * overlay stays safe: a real name is registered once, an alias belongs to one entry, and no
 * pseudonym is itself a form of a registered real name (Петрова for Петров would give the person
 * away in every export).
 */
import { notFound, QuireError } from '../../../src-shared/contract/errors';
import type { LeakHit, LeakReport, PseudonymEntry, PseudonymKind } from '../../../src-shared/contract/pseudonyms';
import { uuidv7 } from '../../../src-shared/model/ids';
import { foldForSearch } from '../../../src-shared/text/normalize';
import { findLeaks, pseudonymizer } from '../../../src-shared/text/pseudonyms';
import type { Pseudonymizer } from '../../../src-shared/text/pseudonyms';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import type { PseudonymRow } from '../db/schema';
import { extractDocument, readTable } from '../import';
import { extensionOf } from '../import/extract';
import { now } from './map';

const KIND_ORDER: Readonly<Record<PseudonymKind, number>> = { person: 0, enterprise: 1, place: 2 };

function rowsOf(ctx: QueryContext): PseudonymRow[] {
  return ctx.raw.prepare('SELECT * FROM pseudonyms').all() as PseudonymRow[];
}

function toEntry(row: PseudonymRow, caseNames: ReadonlyMap<string, string>): PseudonymEntry {
  return {
    id: row.id,
    kind: row.kind as PseudonymKind,
    realName: row.real_name,
    pseudonym: row.pseudonym,
    aliases: JSON.parse(row.aliases) as string[],
    caseId: row.case_id,
    caseName: row.case_id === null ? null : (caseNames.get(row.case_id) ?? null),
    updatedAt: row.updated_at,
  };
}

function caseNamesOf(ctx: QueryContext): Map<string, string> {
  return new Map(ctx.raw.prepare('SELECT id, name FROM cases').raw().all() as [string, string][]);
}

/** The registry, by kind and then real name. */
export function pseudonymEntries(ctx: QueryContext): PseudonymEntry[] {
  const names = caseNamesOf(ctx);
  return rowsOf(ctx)
    .map((r) => toEntry(r, names))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.realName.localeCompare(b.realName, 'ru'));
}

interface Draft {
  readonly id: string;
  readonly realName: string;
  readonly pseudonym: string;
  readonly aliases: readonly string[];
}

/** Aliases without blanks, repeats, or a copy of the real name. */
function cleanAliases(realName: string, aliases: readonly string[]): string[] {
  const seen = new Set([foldForSearch(realName)]);
  return aliases.filter((a) => {
    const key = foldForSearch(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Throws a `conflict` naming the clash when `draft` cannot join the other entries. */
function checkCollisions(draft: Draft, others: readonly PseudonymEntry[]): void {
  const registered = new Map<string, PseudonymEntry>();
  for (const e of others) for (const name of [e.realName, ...e.aliases]) registered.set(foldForSearch(name), e);
  for (const name of [draft.realName, ...draft.aliases]) {
    const owner = registered.get(foldForSearch(name));
    if (owner) {
      throw new QuireError('conflict', `"${name}" is already registered (${owner.realName === name ? 'as a real name' : `for ${owner.realName}`}, pseudonym ${owner.pseudonym}). Edit that entry instead, or add the spelling there as an alias.`, { entryId: owner.id });
    }
  }
  const samePseudonym = others.find((e) => foldForSearch(e.pseudonym) === foldForSearch(draft.pseudonym));
  if (samePseudonym) {
    throw new QuireError('conflict', `"${draft.pseudonym}" is already the pseudonym of ${samePseudonym.realName}: two entries under one pseudonym would be mixed up in papers. Choose another one.`, { entryId: samePseudonym.id });
  }
  const [own] = pseudonymizer([...others, draft]).find(draft.pseudonym);
  if (own) {
    throw new QuireError('conflict', `The pseudonym "${draft.pseudonym}" contains "${own.text}", a form of the real name ${own.entry.realName}: it would give the real name away. Choose another pseudonym.`);
  }
  const mine = pseudonymizer([draft]);
  const exposed = others.find((e) => mine.find(e.pseudonym).length > 0);
  if (exposed) {
    throw new QuireError('conflict', `"${draft.realName}" (or one of its aliases) is a form of ${exposed.pseudonym}, the pseudonym of ${exposed.realName}: every mention of that pseudonym would count as a leak. Change one of the two.`, { entryId: exposed.id });
  }
}

function checkCase(ctx: MutationContext, caseId: string | null | undefined): void {
  if (caseId) ctx.write.read('cases', caseId);
}

const entryOf = (ctx: QueryContext, row: PseudonymRow): PseudonymEntry => toEntry(row, caseNamesOf(ctx));

const lineCount = (text: string): number => {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
};

/**
 * Scans texts for registered names a piece at a time (an export's texts as they are written) and
 * adds up one report; offsets and lines run on as if the pieces were one text, a line per piece.
 */
export class LeakScanner {
  private readonly hits: LeakHit[] = [];
  private characters = 0;
  private lines = 0;
  /** Unchecked texts in a row, checked as one so a name split between them is found. */
  private readonly run: string[] = [];

  constructor(private readonly overlay: Pseudonymizer<PseudonymEntry>) {}

  /** Scans `texts` as consecutive lines; those in `clean` are known to hold no registered name and are only counted. */
  scan(texts: readonly string[], clean?: ReadonlySet<string>): void {
    for (const text of texts) this.add(text, clean?.has(text) === true);
    this.flush();
  }

  /** The next line: checked with the unchecked ones around it, or only counted when `clean`. */
  add(text: string, clean: boolean): void {
    if (!clean) {
      this.run.push(text);
      return;
    }
    this.flush();
    this.characters += text.length + 1;
    this.lines += lineCount(text);
  }

  /** Checks the unchecked lines given so far; returns how many names they held. */
  flush(): number {
    if (this.run.length === 0) return 0;
    const found = this.scanText(this.run.length === 1 ? this.run[0]! : this.run.join('\n'));
    this.run.length = 0;
    return found;
  }

  private scanText(text: string): number {
    const leaks = findLeaks(this.overlay, text);
    for (const h of leaks) {
      this.hits.push({
        start: this.characters + h.start,
        end: this.characters + h.end,
        line: this.lines + h.line,
        text: h.text,
        context: h.context,
        form: h.form,
        entryId: h.entry.id,
        kind: h.entry.kind,
        realName: h.entry.realName,
        pseudonym: h.entry.pseudonym,
      });
    }
    this.characters += text.length + 1;
    this.lines += lineCount(text);
    return leaks.length;
  }

  report(): LeakReport {
    return { clean: this.hits.length === 0, hits: this.hits, characters: Math.max(0, this.characters - 1) };
  }
}

/** Texts up to this long are renamed once per export and remembered: citations, codes, titles, speakers and attribute values repeat. */
const SHORT = 200;
/** How many short texts an overlay remembers before it starts afresh. */
const REMEMBERED = 50_000;

/**
 * A copy of `text` that holds on to nothing else. V8 keeps a piece cut from a longer string (an
 * excerpt sliced from its document) as a view of the whole: remembered as it is, each short
 * excerpt would keep its whole document in memory for the rest of the export.
 */
const own = (text: string): string => (text.length < 13 ? text : `${text}\u0000`.slice(0, -1));

/**
 * The overlay as an export applies it, with the leak check in the same pass: a text the overlay
 * finds no name in is clean as it stands, and one it renamed is looked at once more (a pseudonym
 * beside the words around it could spell another registered name). `scan` then looks only at
 * the texts written that did not come out of `rename` clean (quote ids, dates, anything a writer
 * got some other way), so 80 MiB of excerpts are read by the matcher once, not twice.
 */
export class CheckedOverlay {
  private readonly overlay: Pseudonymizer<PseudonymEntry>;
  private readonly scanner: LeakScanner;
  /** Texts `rename` gave out that hold no registered name; a long one is forgotten once scanned. */
  private readonly clean = new Set<string>(['']);
  private readonly renamed = new Map<string, string>();

  constructor(entries: readonly PseudonymEntry[]) {
    this.overlay = pseudonymizer(entries);
    this.scanner = new LeakScanner(this.overlay);
  }

  /** The text as the export shows it: every registered name replaced by its pseudonym. */
  readonly rename = (text: string): string => {
    const short = text.length <= SHORT;
    const known = short ? this.renamed.get(text) : undefined;
    if (known !== undefined) return known;
    const hits = this.overlay.find(text);
    if (!short) {
      const out = this.overlay.replace(text, hits);
      if (hits.length === 0 || this.overlay.find(out).length === 0) this.clean.add(out);
      return out;
    }
    const kept = own(text);
    const out = hits.length === 0 ? kept : own(this.overlay.replace(text, hits));
    if (hits.length === 0 || this.overlay.find(out).length === 0) this.clean.add(out);
    if (this.renamed.size >= REMEMBERED) this.forget();
    this.renamed.set(kept, out);
    return out;
  };

  /** Checks texts written to the export, in the order they are written. */
  scan(texts: readonly string[]): void {
    this.scanEach((check) => {
      for (const text of texts) check(text);
    });
  }

  /**
   * Checks texts written to the export as `write` hands them to `check`, in the order they are
   * written (no list of them: an export's 100,000 excerpts have millions). A short text checked
   * alone and found clean (a document's date, repeated on each of its excerpts) is not checked again.
   * `source` is the part of a text that came from the project when Quire made the rest (a quote
   * id is its document's key and a number): the text is clean when its source is.
   */
  scanEach(write: (check: (text: string, source?: string) => void) => void): void {
    let run = 0;
    let first = '';
    const scanned: string[] = [];
    const settle = (): void => {
      if (this.scanner.flush() === 0 && run === 1 && first.length <= SHORT && this.clean.size < REMEMBERED) this.clean.add(first);
      run = 0;
    };
    write((text, source = text) => {
      if (!this.clean.has(source)) {
        if (run++ === 0) first = source;
        this.scanner.add(text, false);
        return;
      }
      if (run > 0) settle();
      this.scanner.add(text, true);
      if (text.length > SHORT) scanned.push(text);
    });
    if (run > 0) settle();
    for (const text of scanned) this.clean.delete(text);
  }

  report(): LeakReport {
    return this.scanner.report();
  }

  private forget(): void {
    this.renamed.clear();
    this.clean.clear();
    this.clean.add('');
  }
}

/** A leak report for a text against the current registry. */
export function leakReport(ctx: QueryContext, text: string): LeakReport {
  const scanner = new LeakScanner(pseudonymizer(pseudonymEntries(ctx)));
  scanner.scan([text]);
  return scanner.report();
}

/**
 * The text of a file as a reader of it sees it: a document's text (Markdown as written, so link
 * texts and titles count), or every sheet of a workbook, a row per line.
 */
export async function textOfFile(bytes: Uint8Array, fileName: string): Promise<string> {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'xlsm') {
    const first = await readTable(bytes, fileName);
    const sheets = [first];
    for (const sheet of first.sheetNames) if (sheet !== first.sheet) sheets.push(await readTable(bytes, fileName, { sheet }));
    return sheets.map((t) => [t.headers, ...t.rows].map((row) => row.join('\t')).join('\n')).join('\n');
  }
  const document = await extractDocument({ bytes, fileName });
  return document.markdown ?? document.text;
}

export const pseudonymHandlers: SomeHandlers<'pseudonyms.list' | 'pseudonyms.add' | 'pseudonyms.update' | 'pseudonyms.remove' | 'pseudonyms.checkText' | 'pseudonyms.checkFile'> = {
  'pseudonyms.list': async (ctx) => pseudonymEntries(ctx),

  'pseudonyms.add': async (ctx, input) => {
    checkCase(ctx, input.caseId);
    const aliases = cleanAliases(input.realName, input.aliases);
    const id = uuidv7();
    checkCollisions({ id, realName: input.realName, pseudonym: input.pseudonym, aliases }, pseudonymEntries(ctx));
    const at = now();
    const row = ctx.write.insert('pseudonyms', {
      id,
      kind: input.kind,
      real_name: input.realName,
      pseudonym: input.pseudonym,
      aliases: JSON.stringify(aliases),
      case_id: input.caseId,
      created_at: at,
      created_by: ctx.actor.id,
      updated_at: at,
    });
    ctx.describe(`Added the pseudonym ${input.pseudonym} for ${input.realName}`);
    return entryOf(ctx, row);
  },

  'pseudonyms.update': async (ctx, input) => {
    const entries = pseudonymEntries(ctx);
    const before = entries.find((e) => e.id === input.id);
    if (!before) throw notFound('This pseudonym entry', input.id);
    checkCase(ctx, input.caseId);
    const realName = input.realName ?? before.realName;
    const pseudonym = input.pseudonym ?? before.pseudonym;
    const aliases = cleanAliases(realName, input.aliases ?? before.aliases);
    checkCollisions({ id: before.id, realName, pseudonym, aliases }, entries.filter((e) => e.id !== before.id));
    const row = ctx.write.update('pseudonyms', before.id, {
      kind: input.kind ?? before.kind,
      real_name: realName,
      pseudonym,
      aliases: JSON.stringify(aliases),
      case_id: input.caseId === undefined ? before.caseId : input.caseId,
      updated_at: now(),
    });
    ctx.describe(`Changed the pseudonym entry for ${realName}`);
    return entryOf(ctx, row);
  },

  'pseudonyms.remove': async (ctx, { id }) => {
    const row = ctx.write.delete('pseudonyms', id);
    ctx.describe(`Removed the pseudonym ${row.pseudonym} for ${row.real_name}`);
    return null;
  },

  'pseudonyms.checkText': async (ctx, { text }) => leakReport(ctx, text),

  'pseudonyms.checkFile': async (ctx, { fileName, data }) => leakReport(ctx, await textOfFile(Buffer.from(data, 'base64'), fileName)),
};
