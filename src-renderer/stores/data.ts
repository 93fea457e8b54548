import { create } from 'zustand';
import type { Attribute, Case, CaseType, Code, DocumentSummary, Member } from '../../src-shared/model/entities';
import { call, onCoreEvent } from '../api/client';
import { reportError, useNotices } from './notices';

/** Cached query results of the open project; the core stays the source of truth. */
interface DataState {
  readonly documents: readonly DocumentSummary[];
  readonly codes: readonly Code[];
  readonly cases: readonly Case[];
  readonly caseTypes: readonly CaseType[];
  readonly attributes: readonly Attribute[];
  readonly members: readonly Member[];
  /** Bumped after every change, so open views can refetch what they show. */
  readonly version: number;
  load(): Promise<void>;
  clear(): void;
}

type Collection = 'documents' | 'codes' | 'cases' | 'caseTypes' | 'attributes' | 'members';

const fetchers: { readonly [K in Collection]: () => Promise<DataState[K]> } = {
  documents: () => call('documents.list', {}),
  codes: () => call('codes.list', {}),
  cases: () => call('cases.list', {}),
  caseTypes: () => call('caseTypes.list', {}),
  attributes: () => call('attributes.list', {}),
  members: () => call('members.list', { includeArchived: true }),
};

/** Which cached collections a change to a table of the project file makes stale. */
const STALE_BY_TABLE: Readonly<Record<string, readonly Collection[]>> = {
  documents: ['documents'],
  revisions: ['documents'],
  document_cases: ['documents'],
  codings: ['documents', 'codes'],
  codes: ['codes'],
  cases: ['cases'],
  case_types: ['caseTypes'],
  attributes: ['attributes'],
  attribute_values: ['cases'],
  members: ['members'],
};

const empty = { documents: [], codes: [], cases: [], caseTypes: [], attributes: [], members: [] } as const;

export const useData = create<DataState>()((set) => {
  const refresh = async (collections: readonly Collection[]): Promise<void> => {
    const entries = await Promise.all(collections.map(async (c) => [c, await fetchers[c]()] as const));
    set((s) => ({ ...Object.fromEntries(entries), version: s.version + 1 }));
  };
  // Changes arrive in bursts (a sample project is thousands of operations): refetch once per burst.
  const pending = new Set<Collection>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    const stale = [...pending];
    pending.clear();
    if (stale.length > 0) refresh(stale).catch(reportError);
    else set((s) => ({ version: s.version + 1 }));
  };
  onCoreEvent((event) => {
    if (event.type === 'progress') {
      useNotices.getState().setProgress(event);
      return;
    }
    if (event.type === 'presenting') return; // presence, not a change: the meetings view follows it
    useNotices.getState().setProgress(null);
    if (event.operationId === null) return; // opening or closing a project: the session store reloads
    for (const table of event.tables) for (const c of STALE_BY_TABLE[table] ?? []) pending.add(c);
    timer ??= setTimeout(flush, 50);
  });
  return {
    ...empty,
    version: 0,
    load: () => refresh(Object.keys(fetchers) as Collection[]),
    clear: () => set({ ...empty }),
  };
});
