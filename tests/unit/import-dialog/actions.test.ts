import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QuireError } from '../../../src-shared/contract';
import type { QuireBridge } from '../../../src-shared/contract';
import { MAX_IMPORT_BYTES } from '../../../src-shared/contract/imports';
import type { ImportPreview, ImportReport } from '../../../src-shared/contract/imports';
import { useBridge } from '../../../src-renderer/api/client';
import { addFiles, applyPattern, cancelStaging, closeImport, commitImport, openImport, repreview, setAllOrNothing } from '../../../src-renderer/views/import/actions';
import { useImport } from '../../../src-renderer/views/import/store';
import { useNotices } from '../../../src-renderer/stores/notices';
import { i18next } from '../../../src-renderer/i18n';
import { en } from '../../../src-renderer/i18n/en';
import { areas } from '../../../src-renderer/i18n/areas';

const NO_CHANGES = { replaceReplacementChars: 0, removeRunningHeaders: 0, joinHyphenation: 0, unwrapLines: 0, normaliseQuotesAndDashes: 0 };
const ID = (n: number): string => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Handler = (input: Record<string, unknown>) => unknown;

/**
 * A stand-in for the core behind the renderer's bridge: stages every file but `broken.docx`,
 * reads spreadsheets as tables, and records each call. `gate` holds staging until released.
 */
function fakeCore(overrides: Record<string, Handler> = {}) {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  let next = 1;
  const staged = new Map<string, string>();
  const gate = { hold: null as Promise<void> | null };
  const preview = (stagedId: string, over: Partial<ImportPreview> = {}): ImportPreview => ({
    stagedId,
    fileName: staged.get(stagedId)!,
    size: 10,
    format: /\.csv$/.test(staged.get(stagedId)!) ? 'table' : 'text',
    encoding: { name: 'windows-1251', detected: true, confidence: 0.9, alternatives: [] },
    title: null,
    length: 20,
    excerpt: 'И: текст',
    pages: 0,
    paragraphs: 0,
    turns: 2,
    directions: 0,
    speakers: [],
    suggestedCleanup: { joinHyphenation: true },
    cleanup: { joinHyphenation: true },
    changes: { ...NO_CHANGES, joinHyphenation: 3 },
    warnings: [],
    ...over,
  });
  const handlers: Record<string, Handler> = {
    'imports.stage': async ({ fileName }) => {
      if (gate.hold) await gate.hold;
      if (fileName === 'broken.docx') return { ok: false, stagedId: null, fileName, reason: 'Not a Word file.' };
      const id = ID(next++);
      staged.set(id, String(fileName));
      return { ok: true, ...preview(id) };
    },
    'imports.suggest': ({ stagedIds, pattern }) => {
      if (pattern === '{date}{kind}') throw new QuireError('invalid_input', 'There is nothing between {date} and {kind}.');
      return (stagedIds as string[]).map((id) => ({
        stagedId: id,
        fileName: staged.get(id),
        title: staged.get(id)!.replace(/\.[^.]+$/, ''),
        kind: 'interview',
        language: 'ru',
        date: pattern ? { start: '1993-06-01', end: '1993-06-30', precision: 'month' } : null,
        caseIds: [],
        speakers: {},
        problems: [],
      }));
    },
    'imports.preview': ({ stagedId, encoding, cleanup }) =>
      preview(String(stagedId), {
        ...(encoding ? { encoding: { name: String(encoding), detected: false, confidence: 1, alternatives: [] } } : {}),
        cleanup: cleanup as ImportPreview['cleanup'],
        changes: { ...NO_CHANGES, joinHyphenation: (cleanup as Record<string, boolean>).joinHyphenation ? 3 : 0 },
      }),
    'imports.discard': () => null,
    'imports.commit': ({ items }): ImportReport => ({
      imported: (items as { stagedId: string; title: string }[]).map((i) => ({
        documentId: ID(900),
        fileName: staged.get(i.stagedId)!,
        title: i.title,
        format: 'text',
        encoding: 'windows-1251',
        length: 20,
        turns: 2,
        warnings: [],
      })),
      skipped: [],
    }),
    ...overrides,
  };
  const bridge: QuireBridge = {
    async call(method, input) {
      calls.push({ method, input: input as Record<string, unknown> });
      try {
        return { ok: true, result: await handlers[method]!(input as Record<string, unknown>) };
      } catch (error) {
        return { ok: false, error: (error as QuireError).toPayload() };
      }
    },
    on: () => () => {},
  };
  useBridge(bridge);
  const of = (method: string) => calls.filter((c) => c.method === method).map((c) => c.input);
  return { calls, of, gate };
}

const file = (name: string, text = 'И: текст'): File => new File([text], name, { type: 'text/plain' });

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: { ...en, ...areas.en } } }, interpolation: { escapeValue: false } });
});

beforeEach(() => {
  closeImport();
  setAllOrNothing(false);
  useNotices.setState({ notices: [] });
});

describe('staging files from the dialog', () => {
  it('stages files one at a time, then proposes details for the documents and offers the spreadsheet as manifest', async () => {
    const core = fakeCore();
    openImport();
    await addFiles([file('a.txt'), file('broken.docx'), file('manifest.csv'), file('b.txt')]);
    const state = useImport.getState();
    expect(core.of('imports.stage').map((i) => i.fileName)).toEqual(['a.txt', 'broken.docx', 'manifest.csv', 'b.txt']);
    expect(core.of('imports.stage')[0]!.data).toBe(Buffer.from('И: текст').toString('base64'));
    expect(state.phase).toBe('preview');
    expect(state.rows.map((r) => r.fileName)).toEqual(['a.txt', 'b.txt']);
    expect(state.rows.map((r) => r.language)).toEqual(['ru', 'ru']);
    expect(state.failures).toEqual([{ fileName: 'broken.docx', reason: 'Not a Word file.' }]);
    expect(state.manifests.map((m) => m.fileName)).toEqual(['manifest.csv']);
    expect(state.manifestId).toBe(state.manifests[0]!.stagedId);
    expect(core.of('imports.suggest').at(-1)).toMatchObject({ manifestId: state.manifestId });
    expect(state.selected).toBe(state.rows[0]!.stagedId);
  });

  it('refuses a file over the limit without reading it', async () => {
    const core = fakeCore();
    openImport();
    const huge = file('huge.pdf');
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES + 1 });
    await addFiles([huge]);
    expect(core.of('imports.stage')).toEqual([]);
    expect(useImport.getState().failures).toEqual([{ fileName: 'huge.pdf', reason: 'This file is 200 MB, over the 200 MB import limit.' }]);
  });

  it('stops on Cancel and discards what was staged in that run', async () => {
    const core = fakeCore();
    let release!: () => void;
    core.gate.hold = new Promise((resolve) => (release = resolve));
    openImport();
    const staging = addFiles([file('a.txt'), file('b.txt'), file('c.txt')]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(useImport.getState()).toMatchObject({ phase: 'staging', progress: { done: 0, total: 3, name: 'a.txt' } });
    cancelStaging();
    expect(useImport.getState()).toMatchObject({ phase: 'choose', progress: null });
    release();
    await staging;
    expect(core.of('imports.stage')).toHaveLength(1);
    expect(core.of('imports.discard')).toEqual([{ stagedIds: [ID(1)] }]);
    expect(useImport.getState().rows).toEqual([]);
  });
});

describe('editing and committing', () => {
  it('explains a bad pattern under the field and keeps the rows; a good one fills the dates', async () => {
    fakeCore();
    openImport();
    await addFiles([file('a.txt')]);
    await applyPattern('{date}{kind}');
    expect(useImport.getState()).toMatchObject({ patternError: 'There is nothing between {date} and {kind}.', pattern: '' });
    expect(useImport.getState().rows[0]!.date).toBe('');
    await applyPattern('{enterprise}_{date}');
    expect(useImport.getState()).toMatchObject({ patternError: null, pattern: '{enterprise}_{date}' });
    expect(useImport.getState().rows[0]!.date).toBe('1993-06');
  });

  it('commits with each row’s encoding and clean-up, discards every staged file, and reports staging failures as skipped', async () => {
    const core = fakeCore();
    openImport();
    await addFiles([file('a.txt'), file('broken.docx'), file('manifest.csv')]);
    const id = useImport.getState().rows[0]!.stagedId;
    await repreview(id, { encoding: 'koi8-r', cleanup: {} });
    expect(useImport.getState().rows[0]).toMatchObject({ encoding: 'koi8-r', cleanup: {} });
    await commitImport();
    const [commit] = core.of('imports.commit');
    expect(commit).toMatchObject({ items: [{ stagedId: id, encoding: 'koi8-r', language: 'ru', cleanup: { joinHyphenation: false } }] });
    expect(core.of('imports.discard').at(-1)).toEqual({ stagedIds: [ID(1), ID(2)] });
    const state = useImport.getState();
    expect(state.phase).toBe('report');
    expect(state.rows).toEqual([]);
    expect(state.report!.imported.map((d) => d.fileName)).toEqual(['a.txt']);
    expect(state.report!.skipped).toEqual([{ fileName: 'broken.docx', reason: 'Not a Word file.' }]);
  });

  it('stays on the preview when the commit fails, and says why', async () => {
    fakeCore({
      'imports.commit': () => {
        throw new QuireError('conflict', 'The project changed meanwhile.');
      },
    });
    openImport();
    await addFiles([file('a.txt')]);
    await commitImport();
    expect(useImport.getState().phase).toBe('preview');
    expect(useImport.getState().rows).toHaveLength(1);
    expect(useNotices.getState().notices.map((n) => n.message)).toEqual(['The project changed meanwhile.']);
  });

  it('imports nothing when "all or nothing" is chosen and a file could not be read, and the report says so', async () => {
    const core = fakeCore();
    openImport();
    setAllOrNothing(true);
    await addFiles([file('a.txt'), file('broken.docx'), file('b.txt')]);
    await commitImport();
    expect(core.of('imports.commit')).toEqual([]);
    expect(core.of('imports.discard').at(-1)).toEqual({ stagedIds: [ID(1), ID(2)] });
    const state = useImport.getState();
    expect(state.phase).toBe('report');
    expect(state.report).toEqual({
      imported: [],
      skipped: [
        { fileName: 'broken.docx', reason: 'Not a Word file.' },
        { fileName: 'a.txt', reason: 'Not imported, because another file could not be (all or nothing).' },
        { fileName: 'b.txt', reason: 'Not imported, because another file could not be (all or nothing).' },
      ],
      allOrNothingFailures: 1,
    });
    expect(i18next.t('import.nothingImported', { count: 1 })).toBe('Nothing was imported: 1 file could not be, and you chose all or nothing.');
    // The choice stays for the next import.
    closeImport();
    expect(useImport.getState().allOrNothing).toBe(true);
  });

  it('asks the core for all or nothing, and reports the files it could not import when it refuses the batch', async () => {
    const core = fakeCore({
      'imports.commit': ({ allOrNothing }) => {
        if (!allOrNothing) throw new Error('expected allOrNothing');
        throw new QuireError('invalid_input', 'Nothing was imported, because one file could not be:\nb.txt: unknown encoding', { skipped: [{ fileName: 'b.txt', reason: 'unknown encoding' }] });
      },
    });
    openImport();
    setAllOrNothing(true);
    await addFiles([file('a.txt'), file('b.txt')]);
    await commitImport();
    expect(core.of('imports.commit')[0]).toMatchObject({ allOrNothing: true });
    expect(useImport.getState().report).toEqual({
      imported: [],
      skipped: [
        { fileName: 'b.txt', reason: 'unknown encoding' },
        { fileName: 'a.txt', reason: 'Not imported, because another file could not be (all or nothing).' },
      ],
      allOrNothingFailures: 1,
    });
    expect(useNotices.getState().notices).toEqual([]);
  });

  it('imports the good files and lists the bad ones when "all or nothing" is not chosen', async () => {
    const core = fakeCore();
    openImport();
    await addFiles([file('a.txt'), file('broken.docx')]);
    await commitImport();
    expect(core.of('imports.commit')[0]).toMatchObject({ allOrNothing: false });
    expect(useImport.getState().report).toMatchObject({ skipped: [{ fileName: 'broken.docx' }], allOrNothingFailures: null });
    expect(useImport.getState().report!.imported).toHaveLength(1);
  });

  it('discards everything staged when the dialog is closed', async () => {
    const core = fakeCore();
    openImport();
    await addFiles([file('a.txt'), file('manifest.csv')]);
    closeImport();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(core.of('imports.discard')).toEqual([{ stagedIds: [ID(1), ID(2)] }]);
    expect(useImport.getState()).toMatchObject({ opened: false, rows: [], manifests: [] });
  });
});
