/**
 * What the import dialog does with the core: stage files one at a time (so progress and cancel
 * are real), ask for previews and suggestions, commit, and discard whatever is left staged.
 */
import { QuireError } from '../../../src-shared/contract';
import { MAX_IMPORT_BYTES } from '../../../src-shared/contract/imports';
import type { CleanupChoice, ImportFailure, ImportReport, ImportSuggestion, StageResult } from '../../../src-shared/contract/imports';
import { call } from '../../api/client';
import { i18next } from '../../i18n';
import { attempt, reportError } from '../../stores/notices';
import { useUi } from '../../stores/ui';
import type { ImportRow } from './model';
import { ALL_CLEANUP, applySuggestions, commitItem, formatSize, rowErrors, sortStaged, withPreview } from './model';
import { toBase64 } from '../../api/base64';
import { EMPTY, patchRow, setBusy, useImport } from './store';

/**
 * Bumped by cancel and close: a staging run started under another number stops at its next file
 * and discards what it staged.
 */
let generation = 0;
/**
 * Batches of files (a second drop while the first is read) and the commit run one after the
 * other: files dropped during a commit are read after it, into a fresh dialog.
 */
let queue: Promise<unknown> = Promise.resolve();

function serial(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task).catch(reportError);
  queue = next;
  return next;
}

/** The latest preview request per row: an older answer arriving late is dropped. */
const requests = new Map<string, number>();

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function stagedIds(): string[] {
  const { rows, manifests } = useImport.getState();
  return [...rows.map((r) => r.stagedId), ...manifests.map((m) => m.stagedId)];
}

async function discard(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await attempt(() => call('imports.discard', { stagedIds: [...ids] }));
}

/** Opens the dialog (a fresh one after a report), staging the given files if any. */
export function openImport(files: readonly File[] = []): void {
  const state = useImport.getState();
  if (state.phase === 'report') useImport.setState({ ...EMPTY });
  if (!state.opened) useImport.setState({ opened: true });
  if (files.length > 0) void addFiles(files);
}

/** Stages files after any batch still being read. */
export function addFiles(files: readonly File[]): Promise<void> {
  const run = generation;
  return serial(() => stageBatch([...files], run));
}

async function stageOne(file: File): Promise<StageResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    const reason = i18next.t('import.tooLarge', { size: formatSize(file.size, i18next.language), limit: formatSize(MAX_IMPORT_BYTES, i18next.language) });
    return { ok: false, stagedId: null, fileName: file.name, reason };
  }
  try {
    const data = toBase64(new Uint8Array(await file.arrayBuffer()));
    return await call('imports.stage', { fileName: file.name, data });
  } catch (error) {
    // One unreadable file (or a refused one) is that file's failure, not the batch's.
    return { ok: false, stagedId: null, fileName: file.name, reason: messageOf(error) };
  }
}

async function stageBatch(files: readonly File[], run: number): Promise<void> {
  const live = (): boolean => run === generation && useImport.getState().opened;
  if (!live() || files.length === 0) return;
  if (useImport.getState().phase === 'report') useImport.setState({ ...EMPTY });
  useImport.setState({ phase: 'staging', progress: { done: 0, total: files.length, name: files[0]!.name } });
  const results: StageResult[] = [];
  for (const [index, file] of files.entries()) {
    if (!live()) break;
    useImport.setState({ progress: { done: index, total: files.length, name: file.name } });
    results.push(await stageOne(file));
  }
  if (!live()) {
    await discard(results.flatMap((r) => (r.ok ? [r.stagedId] : [])));
    return;
  }
  const sorted = sortStaged(results);
  useImport.setState((s) => ({
    phase: 'preview',
    progress: null,
    rows: [...s.rows, ...sorted.rows],
    failures: [...s.failures, ...sorted.failures],
    manifests: [...s.manifests, ...sorted.manifests],
    selected: s.selected ?? sorted.rows[0]?.stagedId ?? null,
  }));
  if (sorted.rows.length > 0) {
    const { pattern, manifestId } = useImport.getState();
    await attempt(async () => applySuggested(await suggest(sorted.rows.map((r) => r.stagedId), pattern, manifestId)));
  }
  const first = useImport.getState().rows[0];
  if (first) void loadPotential(first.stagedId);
  // A spreadsheet among the files is offered as the manifest: tried at once, explained if it is not one.
  if (useImport.getState().manifestId === null && sorted.manifests[0]) await chooseManifest(sorted.manifests[0].stagedId);
}

/** Stops reading files and discards what this run staged; the files staged before stay. */
export function cancelStaging(): void {
  generation++;
  useImport.setState((s) => ({ phase: s.rows.length + s.failures.length + s.manifests.length > 0 ? 'preview' : 'choose', progress: null }));
}

function suggest(ids: readonly string[], pattern: string, manifestId: string | null): Promise<ImportSuggestion[]> {
  return call('imports.suggest', { stagedIds: [...ids], ...(pattern.trim() ? { pattern: pattern.trim() } : {}), ...(manifestId ? { manifestId } : {}) });
}

function applySuggested(suggestions: readonly ImportSuggestion[]): void {
  useImport.setState((s) => ({ rows: applySuggestions(s.rows, suggestions) }));
}

/**
 * Suggests every row's details again with a pattern or manifest. A QuireError (a bad pattern, a
 * spreadsheet that is no manifest) is the field's error, shown under it; the rows stay as they were.
 */
async function resuggest(pattern: string, manifestId: string | null, field: 'patternError' | 'manifestError'): Promise<boolean> {
  const ids = useImport.getState().rows.map((r) => r.stagedId);
  try {
    if (ids.length > 0) applySuggested(await suggest(ids, pattern, manifestId));
    useImport.setState({ [field]: null });
    return true;
  } catch (error) {
    if (error instanceof QuireError) useImport.setState({ [field]: error.message });
    else reportError(error);
    return false;
  }
}

export async function applyPattern(pattern: string): Promise<void> {
  if (await resuggest(pattern, useImport.getState().manifestId, 'patternError')) useImport.setState({ pattern });
}

export async function chooseManifest(manifestId: string | null): Promise<void> {
  if (await resuggest(useImport.getState().pattern, manifestId, 'manifestError')) useImport.setState({ manifestId });
}

/** Stages a spreadsheet chosen as the manifest and applies it. */
export async function addManifestFile(file: File): Promise<void> {
  const result = await stageOne(file);
  if (!result.ok) {
    useImport.setState({ manifestError: result.reason });
    return;
  }
  if (result.format !== 'table') {
    await discard([result.stagedId]);
    useImport.setState({ manifestError: i18next.t('import.notSpreadsheet', { file: file.name }) });
    return;
  }
  useImport.setState((s) => ({ manifests: [...s.manifests, { stagedId: result.stagedId, fileName: result.fileName }] }));
  await chooseManifest(result.stagedId);
}

/** Reads a file again with another encoding and/or clean-up; the choice shows at once, the counts when they arrive. */
export async function repreview(stagedId: string, change: { readonly encoding?: string | null; readonly cleanup?: CleanupChoice }): Promise<void> {
  const row = useImport.getState().rows.find((r) => r.stagedId === stagedId);
  if (!row) return;
  const encoding = change.encoding !== undefined ? change.encoding : row.encoding;
  const cleanup = change.cleanup ?? row.cleanup;
  const request = (requests.get(stagedId) ?? 0) + 1;
  requests.set(stagedId, request);
  patchRow(stagedId, (r) => ({ ...r, encoding, cleanup }));
  setBusy(stagedId, true);
  try {
    const preview = await call('imports.preview', { stagedId, ...(encoding ? { encoding } : {}), cleanup });
    if (requests.get(stagedId) !== request) return;
    patchRow(stagedId, (r) => withPreview(r, preview));
    if (change.encoding !== undefined) void loadPotential(stagedId);
  } catch (error) {
    if (requests.get(stagedId) !== request) return;
    patchRow(stagedId, (r) => ({ ...r, encoding: row.encoding, cleanup: row.cleanup }));
    reportError(error);
  } finally {
    if (requests.get(stagedId) === request) setBusy(stagedId, false);
  }
}

/**
 * Learns what every clean-up step would change (all on), so unticked boxes can say it too. Only
 * a nicety: if it fails, the boxes show no count, and the real previews report real errors.
 */
async function loadPotential(stagedId: string): Promise<void> {
  const row = useImport.getState().rows.find((r) => r.stagedId === stagedId);
  if (!row) return;
  const preview = await call('imports.preview', { stagedId, ...(row.encoding ? { encoding: row.encoding } : {}), cleanup: ALL_CLEANUP }).catch(() => null);
  if (preview) patchRow(stagedId, (r) => (r.encoding === row.encoding ? { ...r, potential: preview.changes } : r));
}

export function selectRow(stagedId: string): void {
  useImport.setState({ selected: stagedId });
  if (useImport.getState().rows.find((r) => r.stagedId === stagedId)?.potential === null) void loadPotential(stagedId);
}

/** Leaves a file out of this import. */
export async function removeRow(stagedId: string): Promise<void> {
  useImport.setState((s) => {
    const index = s.rows.findIndex((r) => r.stagedId === stagedId);
    const rows = s.rows.filter((r) => r.stagedId !== stagedId);
    const selected = s.selected === stagedId ? (rows[Math.min(index, rows.length - 1)]?.stagedId ?? null) : s.selected;
    return { rows, selected };
  });
  await discard([stagedId]);
}

/** Imports every row as one undoable operation, then shows the report. */
export function commitImport(): Promise<void> {
  return serial(commit);
}

async function commit(): Promise<void> {
  const { rows, failures, phase, allOrNothing } = useImport.getState();
  if (phase !== 'preview' || rows.length === 0 || rows.some((r) => rowErrors(r).length > 0)) return;
  // Files that could not even be read never reach the core: "all or nothing" stops here for them.
  if (allOrNothing && failures.length > 0) return finish({ imported: [], skipped: [] }, rows, true);
  useImport.setState({ phase: 'committing' });
  let report: ImportReport;
  try {
    report = await call('imports.commit', { items: rows.map(commitItem), allOrNothing });
  } catch (error) {
    const skipped = allOrNothing ? skippedOf(error) : null;
    if (!skipped) {
      reportError(error);
      useImport.setState({ phase: 'preview' });
      return;
    }
    return finish({ imported: [], skipped }, rows, true);
  }
  return finish(report, rows, false);
}

/**
 * Shows the report and discards what was staged. Files that could not even be read are listed
 * as skipped with the rest; when "all or nothing" kept the batch out, so are the good files.
 */
async function finish(report: ImportReport, rows: readonly ImportRow[], heldBack: boolean): Promise<void> {
  const { failures } = useImport.getState();
  await discard(stagedIds());
  const failed = [...failures, ...report.skipped];
  const failedNames = new Set(failed.map((f) => f.fileName));
  const withheld = heldBack ? rows.filter((r) => !failedNames.has(r.fileName)).map((r) => ({ fileName: r.fileName, reason: i18next.t('import.heldBack') })) : [];
  useImport.setState({
    ...EMPTY,
    phase: 'report',
    report: { imported: report.imported, skipped: [...failed, ...withheld], allOrNothingFailures: heldBack ? failed.length : null },
  });
}

/** The files the core could not import, from its "nothing was imported" error. */
function skippedOf(error: unknown): ImportFailure[] | null {
  if (!(error instanceof QuireError) || !Array.isArray(error.details?.skipped)) return null;
  const skipped = (error.details.skipped as unknown[]).filter(
    (f): f is ImportFailure => typeof f === 'object' && f !== null && typeof (f as ImportFailure).fileName === 'string' && typeof (f as ImportFailure).reason === 'string',
  );
  return skipped.length > 0 ? skipped : null;
}

export function setAllOrNothing(allOrNothing: boolean): void {
  useImport.setState({ allOrNothing });
}

/** Closes the dialog, discarding whatever is still staged. Not while a commit is under way. */
export function closeImport(): void {
  if (useImport.getState().phase === 'committing') return;
  generation++;
  const ids = stagedIds();
  useImport.setState({ opened: false, ...EMPTY });
  void discard(ids);
}

/** The project closed under the dialog: its staging went with it, so there is nothing to discard. */
export function resetImport(): void {
  generation++;
  useImport.setState({ opened: false, ...EMPTY });
}

/** Opens an imported document from the report, closing the dialog. */
export function openImported(documentId: string): void {
  closeImport();
  useUi.getState().open({ kind: 'document', id: documentId });
}

/** A user's edit of a row's details (title, kind, date, language, cases, speaker links). */
export function editRow(stagedId: string, patch: Partial<Pick<ImportRow, 'title' | 'kind' | 'date' | 'language' | 'caseIds' | 'speakers'>>): void {
  patchRow(stagedId, (row) => ({ ...row, ...patch }));
}
