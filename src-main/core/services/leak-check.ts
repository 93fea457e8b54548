/**
 * The leak check: scanning texts that leave the project for registered real names and aliases,
 * a piece at a time, and the overlay an export renames with, which checks in the same pass.
 */
import type { LeakHit, LeakReport, PseudonymEntry } from '../../../src-shared/contract/pseudonyms';
import { findLeaks, pseudonymizer } from '../../../src-shared/text/pseudonyms';
import type { Pseudonymizer } from '../../../src-shared/text/pseudonyms';

/**
 * What a scanner found over a run of texts, to be placed after what another scanner found: an
 * export written in parts, each part scanned in its own thread.
 */
export interface ScanPart {
  readonly hits: readonly LeakHit[];
  /** Characters and lines of the part, each text counted with its line break. */
  readonly characters: number;
  readonly lines: number;
}

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

  /** Scans `texts` as consecutive lines. */
  scan(texts: readonly string[]): void {
    for (const text of texts) this.add(text, false);
    this.flush();
  }

  /** Lines known to be clean, counted without their texts: `characters` with a line break each, and the `lines` they span. */
  addClean(characters: number, lines: number): void {
    this.flush();
    this.characters += characters;
    this.lines += lines;
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

  /** What this scanner found so far, to go after another's with `follow`. */
  part(): ScanPart {
    this.flush();
    return { hits: this.hits, characters: this.characters, lines: this.lines };
  }

  /** Takes in a part scanned elsewhere as if its texts had come next here. */
  follow(part: ScanPart): void {
    this.flush();
    for (const h of part.hits) this.hits.push({ ...h, start: this.characters + h.start, end: this.characters + h.end, line: this.lines + h.line });
    this.characters += part.characters;
    this.lines += part.lines;
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
  /** Short texts `rename` gave out that hold no registered name. */
  private readonly clean = new Set<string>(['']);
  /** Texts `renameOnce` gave out that hold no registered name, until they are written. */
  private readonly once = new Set<string>();
  private readonly renamed = new Map<string, string>();
  /** Sets of values (a case's attributes, renamed once per set) all found clean, with what they add to the report's count. */
  private readonly cleanValues = new WeakMap<Readonly<Record<string, string>>, { readonly characters: number; readonly lines: number }>();

  constructor(entries: readonly PseudonymEntry[]) {
    this.overlay = pseudonymizer(entries);
    this.scanner = new LeakScanner(this.overlay);
  }

  /** The text as the export shows it: every registered name replaced by its pseudonym. */
  readonly rename = (text: string): string => {
    if (text.length > SHORT) return this.renameOnce(text);
    const known = this.renamed.get(text);
    if (known !== undefined) return known;
    const hits = this.overlay.find(text);
    const kept = own(text);
    const out = hits.length === 0 ? kept : own(this.overlay.replace(text, hits));
    if (hits.length === 0 || this.overlay.find(out).length === 0) this.clean.add(out);
    if (this.renamed.size >= REMEMBERED) this.forget();
    this.renamed.set(kept, out);
    return out;
  };

  /**
   * `rename` for a text that does not come again (an excerpt's words, a memo): not remembered, and
   * taken as clean for the one time it is written. Remembering 50,000 excerpts' words would keep
   * them all alive for nothing.
   */
  readonly renameOnce = (text: string): string => {
    const hits = this.overlay.find(text);
    const out = this.overlay.replace(text, hits);
    if (hits.length === 0 || this.overlay.find(out).length === 0) this.once.add(out);
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
  scanEach(write: (check: (text: string, source?: string) => void, checkValues: (values: Readonly<Record<string, string>>) => void) => void): void {
    let run = 0;
    let first = '';
    const settle = (): void => {
      if (this.scanner.flush() === 0 && run === 1 && first.length <= SHORT && this.clean.size < REMEMBERED) this.clean.add(own(first));
      run = 0;
    };
    /** Checks or counts a text; true when it was known to be clean. */
    const check = (text: string, source = text): boolean => {
      // A text renamed once is clean for the one time it is written.
      if (!this.once.delete(source) && !this.clean.has(source)) {
        if (run++ === 0) first = source;
        this.scanner.add(text, false);
        return false;
      }
      if (run > 0) settle();
      this.scanner.add(text, true);
      return true;
    };
    // A set of values written on every excerpt of its case (twenty attributes on each of 100,000
    // rows) is counted in one step once all of them were found clean.
    const checkValues = (values: Readonly<Record<string, string>>): void => {
      const known = this.cleanValues.get(values);
      // No values (no attributes) are no text: the texts around them are still checked together.
      if (known?.characters === 0) return;
      if (known) {
        if (run > 0) settle();
        this.scanner.addClean(known.characters, known.lines);
        return;
      }
      let clean = true;
      let characters = 0;
      let lines = 0;
      for (const name in values) {
        const text = values[name]!;
        clean = check(text) && clean;
        characters += text.length + 1;
        lines += lineCount(text);
      }
      if (clean) this.cleanValues.set(values, { characters, lines });
    };
    write(check, checkValues);
    if (run > 0) settle();
  }

  report(): LeakReport {
    return this.scanner.report();
  }

  part(): ScanPart {
    return this.scanner.part();
  }

  follow(part: ScanPart): void {
    this.scanner.follow(part);
  }

  private forget(): void {
    this.renamed.clear();
    this.clean.clear();
    this.clean.add('');
  }
}
