import { reanchor } from '../../../src-shared/text';
import { uuidv7 } from '../../../src-shared/model/ids';
import type { MutationContext } from '../context';
import type { LoggedTable, LoggedTables } from '../db/schema';
import { statement } from '../db/statements';
import { revisionText } from '../db/revision-texts';
import { lastDeleteImage } from '../db/delete-images';
import type { ConflictKind } from '../../../src-shared/contract/exchange';
import type { BundleChange, BundleOperation } from './bundle';
import { byTime } from './collect';
import { isExchanged } from './identity';
import { tableShape } from './shape';
import { DELETED, INSERTED, isLater } from './versions';
import type { Version , FieldVersions} from './versions';

type Image = Record<string, unknown>;

export interface MergeTally {
  /** Operations taken in, and those already here (merged before or made here). */
  readonly operations: number;
  readonly alreadyHere: number;
  /** New rows by table. */
  readonly added: Record<string, number>;
  readonly conflicts: number;
}

/** A coding's anchor: it follows its document's text, so the two sides' values are not reviewed one by one. */
const ANCHOR_COLUMNS = new Set(['revision_id', 'start_offset', 'end_offset', 'quote', 'status']);

const parseInput = (input: string): Image => {
  try {
    const value = JSON.parse(input) as unknown;
    return value !== null && typeof value === 'object' ? (value as Image) : {};
  } catch {
    return {};
  }
};

const same = (a: unknown, b: unknown): boolean => a === b || (a == null && b == null);

/**
 * Rows the incoming work both made and deleted again: their short life has nothing to bring, and
 * replaying it would restore what it referred to (a code deleted here) for nothing. A code that
 * ended merged into another, or that another was merged into, is not one of them: while it lived,
 * sub-codes and codings were moved onto it, and only replaying it carries them on to where they
 * ended (or away with it).
 */
function madeAndGone(operations: readonly BundleOperation[]): Set<string> {
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  const merging = new Set<string>();
  for (const op of operations) {
    const target = op.method === 'codes.merge' ? parseInput(op.input).targetId : undefined;
    if (typeof target === 'string') merging.add(`codes:${target}`);
    for (const c of op.changes) {
      const key = `${c.tbl}:${c.row}`;
      if (!first.has(key)) first.set(key, c.kind);
      last.set(key, c.kind);
      if (c.kind === 'delete' && c.tbl === 'codes' && op.method === 'codes.merge') merging.add(key);
    }
  }
  return new Set([...first].filter(([key, kind]) => kind === 'insert' && last.get(key) === 'delete' && !merging.has(key)).map(([key]) => key));
}

/**
 * Takes a colleague's operations into this copy, inside the one merge operation. Each row change
 * is applied field by field, the later write winning (time, then operation id), so both copies
 * end with the same project whichever merges first; an operation this copy already holds is
 * skipped, so merging twice is merging once. Where the two sides did different things to the
 * same field or row, the work is kept and the decision listed in `merge_conflicts`.
 *
 * What one side deleted and the other worked on, decided alike on both sides:
 * - Work beats a delete. A record edited on one side and deleted on the other stays (or comes
 *   back), and so does a code the other side's codings, sub-codes or memos still use.
 * - Merging a code into another is work on the code merged into: a colleague's delete of that
 *   code is refused, and where this copy deleted it, it comes back to take in their merge.
 * - A merge beats an edit of the code merged away: it goes, everything on it follows it into the
 *   code it was merged into, and the edit is listed (and counts again should the code come back).
 * - Work on a code merged away (their merge into it included) goes on to the code it was merged
 *   into, following later merges; when the last of them was deleted, that one comes back for
 *   what still uses it. A code that came back only because their work used it goes again if,
 *   by the end, their work no longer does.
 * - Where each side merged the same two codes the other way round, both keep the older code.
 */
export class Merger {
  private readonly added: Record<string, number> = {};
  private conflicts = 0;
  private readonly touchedDocuments = new Set<string>();
  private readonly renumberRevisions = new Set<string>();
  private current: BundleOperation | null = null;
  private version: Version | null = null;
  /**
   * Codes deleted here that came back only because their work referred to them, in the order they
   * came back, with the review item saying so: their later work may have let go of them again.
   */
  private readonly broughtBackForUse = new Map<string, string>();
  /** Their edits of codes merged away here, by code: they count again if the code comes back. */
  private readonly setAside = new Map<string, { readonly image: Image; readonly v: Version }[]>();

  constructor(
    private readonly ctx: MutationContext,
    private readonly versions: FieldVersions,
    private readonly mergeOpId: string,
  ) {}

  /** `alreadyHere`: how many of the sender's operations this copy held before (for the summary). */
  run(incoming: readonly BundleOperation[], known: ReadonlySet<string>, alreadyHere: number): MergeTally {
    const fresh = incoming.filter((op) => !known.has(op.id)).sort(byTime);
    const transient = madeAndGone(fresh);
    fresh.forEach((op, i) => {
      this.current = op;
      this.version = { at: op.at, opId: op.id, concurrent: false };
      this.ctx.write.insert('exchange_ops', {
        id: op.id,
        at: op.at,
        actor_id: op.actorId,
        method: op.method,
        summary: op.summary,
        input: op.input,
        replica_id: op.replicaId,
        merged_in: this.mergeOpId,
      });
      op.changes.forEach((change, ord) => {
        if (!isExchanged(change.tbl)) return;
        if (!transient.has(`${change.tbl}:${change.row}`)) this.apply(change);
        this.ctx.write.insert('exchange_changes', {
          id: `${op.id}:${ord}`,
          op_id: op.id,
          ord,
          tbl: change.tbl,
          row_id: change.row,
          kind: change.kind,
          image: change.image === null ? null : JSON.stringify(change.image),
        });
      });
      if (i % 200 === 0) this.ctx.progress(i, fresh.length);
    });
    this.deleteAgainUnused();
    this.reanchorDocuments();
    return { operations: fresh.length, alreadyHere, added: this.added, conflicts: this.conflicts };
  }

  private apply(change: BundleChange): void {
    const table = change.tbl as LoggedTable;
    const v = this.version!;
    if (change.kind === 'insert') this.applyInsert(table, change.row, change.image ?? {}, v);
    else if (change.kind === 'update') this.applyUpdate(table, change.row, change.image ?? {}, v);
    else this.applyDelete(table, change.row, v);
  }

  private read(table: LoggedTable, id: string): Image | undefined {
    return statement(this.ctx.raw, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Image | undefined;
  }

  /** A coding on another revision than its document's current one is carried over to it at the end. */
  private checkAnchor(documentId: string, revisionId: string): void {
    const current = statement(this.ctx.raw, 'SELECT current_revision_id FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined;
    if (current !== revisionId) this.touchedDocuments.add(documentId);
  }

  /** Whether a row is here, without reading it (a revision's row holds its whole text). */
  private exists(table: string, id: string): boolean {
    return statement(this.ctx.raw, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  }

  private applyInsert(table: LoggedTable, id: string, image: Image, v: Version): void {
    const here = this.read(table, id);
    if (here) this.mergeFields(table, id, here, image, v);
    else {
      const deleted = this.versions.of(table, id).get(DELETED);
      // Deleted here after it was (re)made there: the later of the two stands.
      if (!deleted || isLater(v, deleted)) this.insertRow(table, image);
    }
    this.versions.note(table, id, INSERTED, v);
  }

  private applyUpdate(table: LoggedTable, id: string, image: Image, v: Version): void {
    let here = this.read(table, id);
    if (!here && table === 'codes' && this.mergedInto(id) !== null) {
      // A code merged into another here stays merged, as their merge takes a code away despite an
      // edit here: their edit of it is listed, and applied only should the code come back.
      this.flag('edited_there_deleted_here', table, id, null, null, image);
      this.setAside.set(id, [...(this.setAside.get(id) ?? []), { image, v }]);
      return;
    }
    if (!here) {
      // Edited there, deleted here: the edit is work, so the row comes back for review.
      if (!this.bringBack(table, id)) {
        this.flag('missing_row', table, id, null, null, image);
        return;
      }
      this.flag('edited_there_deleted_here', table, id, null, null, null);
      here = this.read(table, id);
      if (!here) return;
    }
    // Their edit of a code brought back for their work is work on it: it stays.
    if (table === 'codes') this.broughtBackForUse.delete(id);
    this.mergeFields(table, id, here, image, v);
  }

  private applyDelete(table: LoggedTable, id: string, v: Version): void {
    const here = this.read(table, id);
    this.versions.note(table, id, DELETED, v);
    const merged = table === 'codes' && this.current?.method === 'codes.merge' ? parseInput(this.current.input).targetId : undefined;
    const target = typeof merged === 'string' && merged !== id ? this.mergeTarget(id, merged) : null;
    if (!here) return;
    if (target !== null && target !== id) {
      // Merged there: whatever hangs on the code here follows it into the code it was merged into.
      if (this.versions.editedConcurrently(table, id)) this.flag('edited_here_deleted_there', table, id, null, target, here);
      if (this.repointCode(id, target) > 0) this.flag('moved_to_merged_code', table, id, 'code_id', target, id);
      this.ctx.write.delete('codes', id);
      return;
    }
    if (target === id) return;
    if (this.versions.editedConcurrently(table, id)) {
      this.flag('edited_here_deleted_there', table, id, null, null, null);
      return;
    }
    if (!this.tryDelete(table, id)) this.flag('still_used_here', table, id, null, null, null);
  }

  /**
   * Where their merge of `source` into `merged` goes here: the code `merged` lives on in (it may
   * have been merged on here). When `merged` itself was deleted here it comes back, since
   * receiving a merge is an edit of it (their delete of a code that received a merge here is
   * refused alike), which keeps it also when it came back only for their work before. When it
   * was merged away here into a code deleted since, the merge here beat their edit: that code
   * comes back only for what still uses it. Null when it cannot come back; `source` itself when
   * each copy merged the two the other way and it stays.
   */
  private mergeTarget(source: string, merged: string): string | null {
    const end = this.chainEnd(merged);
    if (end === source) return this.mergedBothWays(source, merged);
    if (end === merged) this.broughtBackForUse.delete(end);
    if (this.exists('codes', end)) return end;
    const flagId = this.restore('codes', end, source);
    if (flagId !== null && end !== merged) this.broughtBackForUse.set(end, flagId);
    return flagId === null ? null : end;
  }

  /**
   * Each copy merged the two codes the other way: both keep the one with the smaller id, so both
   * end alike — here by bringing it back (when it is theirs to keep) and merging this one into it.
   * Also when this copy deleted the code afterwards: their merge into the one kept is work on it.
   */
  private mergedBothWays(source: string, merged: string): string {
    this.flag('merged_both_ways', 'codes', merged < source ? merged : source, null, null, merged < source ? source : merged);
    if (merged > source) return source;
    return this.bringBack('codes', merged) ? merged : source;
  }

  /** Deletes a row unless rows of this copy still hang on it; says whether it did. */
  private tryDelete(table: LoggedTable, id: string): boolean {
    const savepoint = 'merge_delete';
    this.ctx.raw.exec(`SAVEPOINT ${savepoint}`);
    try {
      const changes = this.ctx.write.changeCount;
      this.ctx.write.delete(table, id);
      this.ctx.raw.exec(`RELEASE ${savepoint}`);
      return changes !== this.ctx.write.changeCount;
    } catch (error) {
      this.ctx.raw.exec(`ROLLBACK TO ${savepoint}`);
      this.ctx.raw.exec(`RELEASE ${savepoint}`);
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
      throw error;
    }
  }

  /** Moves codings, sub-codes and memos of a code to the code it was merged into; returns how many moved. */
  private repointCode(from: string, to: string): number {
    const raw = this.ctx.raw;
    const codings = raw.prepare('SELECT id FROM codings WHERE code_id = ?').pluck().all(from) as string[];
    const children = raw.prepare('SELECT id FROM codes WHERE parent_id = ?').pluck().all(from) as string[];
    const memos = raw.prepare("SELECT id FROM memos WHERE target_type = 'code' AND target_id = ?").pluck().all(from) as string[];
    for (const coding of codings) this.ctx.write.update('codings', coding, { code_id: to });
    for (const child of children) this.ctx.write.update('codes', child, { parent_id: to });
    for (const memo of memos) this.ctx.write.update('memos', memo, { target_id: to });
    return codings.length + children.length + memos.length;
  }

  /** Field by field: the later write wins; a field both sides wrote independently is listed. */
  private mergeFields(table: LoggedTable, id: string, here: Image, image: Image, v: Version): void {
    const patch: Image = {};
    for (const [column, value] of Object.entries(image)) {
      if (column === 'id' || !(column in here)) continue;
      const mine = this.versions.field(table, id, column);
      const differs = !same(here[column], value);
      // Their write itself may be the field's last (a row read after its change was recorded).
      if (isLater(v, mine) || mine?.opId === v.opId) {
        if (differs) {
          patch[column] = value;
          if (mine?.concurrent && this.worthReview(table, column)) this.flag(this.fieldKind(table, column), table, id, column, value, here[column]);
        }
      } else if (differs && mine?.concurrent && this.worthReview(table, column)) this.flag(this.fieldKind(table, column), table, id, column, here[column], value);
      this.versions.note(table, id, column, v);
    }
    // A reference their edit sets (a coding moved to a code, a code under a parent) may point at a row deleted here.
    for (const fk of tableShape(this.ctx.raw, table).foreign) {
      const ref = patch[fk.from];
      if (typeof ref === 'string') patch[fk.from] = this.settleReference(table, id, fk, ref) ?? here[fk.from];
    }
    if (Object.keys(patch).length === 0) return;
    this.makeRoomFor(table, { ...here, ...patch });
    this.ctx.write.update(table, id, patch as Partial<LoggedTables[typeof table]>);
    if (table === 'documents' && 'current_revision_id' in patch) this.touchedDocuments.add(id);
    if (table === 'codings') this.checkAnchor(String(here.document_id), String(patch.revision_id ?? here.revision_id));
  }

  /**
   * Whether two different values of a field are worth a person's review: time stamps are not, nor
   * a coding's anchor, which follows its document's text (a text edited on both sides is listed).
   */
  private worthReview(table: LoggedTable, column: string): boolean {
    return column !== 'updated_at' && !(table === 'codings' && ANCHOR_COLUMNS.has(column));
  }

  private fieldKind(table: LoggedTable, column: string): ConflictKind {
    return table === 'documents' && column === 'current_revision_id' ? 'document_edited_both' : 'both_edited';
  }

  /** Inserts a row, first restoring or redirecting what it refers to and settling duplicate keys. */
  private insertRow(table: LoggedTable, image: Image): boolean {
    const shape = tableShape(this.ctx.raw, table);
    const row: Image = Object.fromEntries(Object.entries(image).filter(([column]) => shape.columns.has(column)));
    const id = String(row.id);
    for (const fk of shape.foreign) {
      const ref = row[fk.from];
      if (typeof ref !== 'string') continue;
      const settled = this.settleReference(table, id, fk, ref);
      if (settled === null) return false;
      row[fk.from] = settled;
    }
    if (table === 'memos' && row.target_type === 'code' && typeof row.target_id === 'string') {
      const livesOn = this.chainEnd(row.target_id);
      if (this.exists('codes', livesOn)) row.target_id = livesOn;
    }
    if (!this.makeRoomFor(table, row)) return false;
    this.ctx.write.insert(table, row as unknown as LoggedTables[typeof table]);
    this.added[table] = (this.added[table] ?? 0) + 1;
    if (table === 'revisions') this.touchedDocuments.add(String(row.document_id));
    if (table === 'codings') this.checkAnchor(String(row.document_id), String(row.revision_id));
    return true;
  }

  /**
   * What a row of theirs may refer to here: the row itself when it exists; the code it lives on in
   * (following merges); else the row (or that code) restored from its delete image, since their
   * work needs it (listed for review; a code may go again at the end, see `deleteAgainUnused`).
   * Null when there is nothing to restore (listed as missing).
   */
  private settleReference(table: LoggedTable, id: string, fk: { readonly from: string; readonly table: string }, ref: string): string | null {
    if (this.exists(fk.table, ref)) return ref;
    const settled = fk.table === 'codes' ? this.chainEnd(ref) : ref;
    if (settled !== ref) this.flag('moved_to_merged_code', table, id, fk.from, settled, ref);
    if (this.exists(fk.table, settled)) return settled;
    const flagId = this.restore(fk.table as LoggedTable, settled, id);
    if (flagId !== null) {
      if (fk.table === 'codes') this.broughtBackForUse.set(settled, flagId);
      return settled;
    }
    this.flag('missing_row', table, id, fk.from, null, ref);
    return null;
  }

  /** Brings a row deleted here back from its delete image for their work (`forId`), listed for review; the review item's id, or null when it could not. */
  private restore(table: LoggedTable, id: string, forId: string): string | null {
    if (!this.bringBack(table, id)) return null;
    return this.flag('restored_for_their_work', table, id, null, null, forId);
  }

  /**
   * A code brought back here only because their work referred to it goes again when, by the end,
   * nothing refers to it any more (their work moved on or was deleted): on their side the same
   * delete of ours finds it unused as well. Latest first, so a code goes before its parent.
   */
  private deleteAgainUnused(): void {
    for (const [id, flagId] of [...this.broughtBackForUse].reverse()) {
      if (!this.exists('codes', id) || !this.tryDelete('codes', id)) continue;
      this.ctx.write.delete('merge_conflicts', flagId);
      this.conflicts--;
      this.added.codes = (this.added.codes ?? 1) - 1;
    }
  }

  /**
   * Inserts a row deleted here again as its delete image has it, with their edits of it set aside
   * while it was merged away, so it comes back as it would have been had it stayed; says whether it could.
   */
  private bringBack(table: LoggedTable, id: string): boolean {
    const before = lastDeleteImage<Image>(this.ctx.raw, table, id);
    if (!before || !this.insertRow(table, before)) return false;
    for (const { image, v } of this.setAside.get(id) ?? []) {
      const here = this.read(table, id);
      if (here) this.mergeFields(table, id, here, image, v);
    }
    this.setAside.delete(id);
    return true;
  }

  /**
   * Settles a unique key the row shares with another row of this copy. Numbers (a revision's, a
   * quote's) go to the row with the smaller id and the other gets the next free one; a twin of
   * the same fact made on both sides (the same attribute of the same case) becomes one row, the
   * one with the smaller id. Returns false when the row was folded into its twin.
   */
  private makeRoomFor(table: LoggedTable, row: Image): boolean {
    const id = String(row.id);
    for (const key of tableShape(this.ctx.raw, table).unique) {
      if (key.columns.some((c) => row[c] === null || row[c] === undefined)) continue;
      const twin = statement(this.ctx.raw, `SELECT * FROM ${table} WHERE ${key.columns.map((c) => `${c} = ?`).join(' AND ')} AND id <> ?`).get(
        ...key.columns.map((c) => row[c]),
        id,
      ) as Image | undefined;
      if (!twin) continue;
      const twinId = String(twin.id);
      if (table === 'revisions') {
        // For now; every copy numbers a document's revisions by the time they were made (below).
        row.number = this.nextNumber('revisions', 'number', String(row.document_id));
        this.renumberRevisions.add(String(row.document_id));
      } else if (table === 'codings' && key.columns.includes('quote_no')) {
        const column = 'quote_no';
        const next = this.nextNumber(table, column, String(row.document_id));
        // The newcomer has not been cited here yet; a number this copy gave out may have been.
        if (id > twinId) row[column] = next;
        else {
          this.ctx.write.update(table, twinId, { [column]: next } as Partial<LoggedTables[typeof table]>);
          this.flag('renumbered', table, twinId, column, next, twin[column]);
        }
      } else if (table === 'documents') {
        // A citation key is given again on opening; the smaller id keeps it.
        if (id > twinId) row.quote_key = null;
        else this.ctx.write.update('documents', twinId, { quote_key: null });
      } else {
        const v = this.version!;
        if (id > twinId) {
          this.mergeFields(table, twinId, twin, Object.fromEntries(Object.entries(row).filter(([c]) => c !== 'id')), v);
          this.flag('duplicate_merged', table, twinId, null, twinId, id);
          return false;
        }
        for (const [column, value] of Object.entries(twin)) {
          if (column === 'id') continue;
          const theirs = this.versions.field(table, twinId, column);
          if (theirs && !isLater(v, theirs)) row[column] = value;
        }
        this.ctx.write.delete(table, twinId);
        this.flag('duplicate_merged', table, id, null, id, twinId);
      }
    }
    return true;
  }

  private nextNumber(table: LoggedTable, column: string, documentId: string): number {
    const top = statement(this.ctx.raw, `SELECT max(${column}) FROM ${table} WHERE document_id = ?`).pluck().get(documentId) as number | null;
    const last = table === 'codings' ? ((statement(this.ctx.raw, 'SELECT last_quote FROM documents WHERE id = ?').pluck().get(documentId) as number | undefined) ?? 0) : 0;
    return Math.max(top ?? 0, last) + 1;
  }

  /**
   * The code here that `codeId` is or lives on in: itself, or the code it was merged into, followed
   * on while that one was merged away too. When the last one was deleted without a merge, that one
   * (not here): their work on any code of the chain belongs there.
   */
  private chainEnd(codeId: string): string {
    const seen = new Set([codeId]);
    let id = codeId;
    while (!this.exists('codes', id)) {
      const next = this.mergedInto(id);
      if (next === null || seen.has(next)) break;
      seen.add(next);
      id = next;
    }
    return id;
  }

  /** The code a deleted code was merged into, on this side or by a colleague's merge taken in before. */
  private mergedInto(codeId: string): string | null {
    const own = statement(
      this.ctx.raw,
      "SELECT o.method, o.input FROM changes c JOIN operations o ON o.seq = c.op_seq WHERE c.tbl = 'codes' AND c.row_id = ? AND c.kind = 'delete' ORDER BY c.op_seq DESC LIMIT 1",
    ).get(codeId) as { method: string; input: string } | undefined;
    const theirs = statement(
      this.ctx.raw,
      "SELECT e.method, e.input FROM exchange_changes x JOIN exchange_ops e ON e.id = x.op_id WHERE x.tbl = 'codes' AND x.row_id = ? AND x.kind = 'delete' ORDER BY e.at DESC LIMIT 1",
    ).get(codeId) as { method: string; input: string } | undefined;
    for (const op of [own, theirs]) {
      if (op?.method !== 'codes.merge') continue;
      const target = parseInput(op.input).targetId;
      if (typeof target === 'string') return target;
    }
    return null;
  }

  /**
   * Both sides edited a document's text: both revisions are kept, the later is current, and
   * codings made on the other one are carried over to it through the diff, as an edit does.
   */
  private reanchorDocuments(): void {
    for (const documentId of this.renumberRevisions) this.numberRevisions(documentId);
    for (const documentId of this.touchedDocuments) {
      const current = statement(this.ctx.raw, 'SELECT r.id, r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id WHERE d.id = ?').get(documentId) as
        | { id: string; text: string }
        | undefined;
      if (!current) continue;
      const stale = this.ctx.raw
        .prepare('SELECT id, revision_id, start_offset, end_offset, quote, status FROM codings WHERE document_id = ? AND revision_id <> ? ORDER BY revision_id, id')
        .all(documentId, current.id) as { id: string; revision_id: string; start_offset: number; end_offset: number; quote: string | null; status: string }[];
      const byRevision = new Map<string, typeof stale>();
      for (const c of stale) {
        const group = byRevision.get(c.revision_id);
        if (group) group.push(c);
        else byRevision.set(c.revision_id, [c]);
      }
      for (const [revisionId, codings] of byRevision) {
        const old = revisionText(this.ctx.raw, revisionId);
        if (old === undefined) continue;
        const results = reanchor(old, current.text, codings.map((c) => ({ start: c.start_offset, end: c.end_offset })));
        codings.forEach((coding, i) => {
          const r = results[i]!;
          const found = r.status !== 'needs_review';
          this.ctx.write.update('codings', coding.id, {
            revision_id: current.id,
            quote: found && coding.quote === null ? null : (coding.quote ?? old.slice(coding.start_offset, coding.end_offset)),
            start_offset: r.start,
            end_offset: r.end,
            status: found ? coding.status : 'needs_review',
          });
        });
      }
    }
  }

  /**
   * Revisions made on both sides are numbered by when they were made (then id), so every copy
   * gives each the same number. Two passes, as numbers are unique within a document.
   */
  private numberRevisions(documentId: string): void {
    const revisions = this.ctx.raw.prepare('SELECT id, number FROM revisions WHERE document_id = ? ORDER BY created_at, id').all(documentId) as { id: string; number: number }[];
    const moving = revisions.map((r, i) => ({ ...r, wanted: i + 1 })).filter((r) => r.number !== r.wanted);
    for (const r of moving) this.ctx.write.update('revisions', r.id, { number: -r.wanted });
    for (const r of moving) this.ctx.write.update('revisions', r.id, { number: r.wanted });
  }

  /** Lists a decision for review; returns the item's id. */
  private flag(kind: ConflictKind, table: string, rowId: string, field: string | null, kept: unknown, other: unknown): string {
    const id = uuidv7();
    this.conflicts++;
    this.ctx.write.insert('merge_conflicts', {
      id,
      merge_op_id: this.mergeOpId,
      kind,
      tbl: table,
      row_id: rowId,
      field,
      kept: kept === null || kept === undefined ? null : JSON.stringify(kept),
      other: other === null || other === undefined ? null : JSON.stringify(other),
      other_op_id: this.current?.id ?? null,
      status: 'open',
      resolution: null,
      created_at: new Date().toISOString(),
    });
    return id;
  }
}
