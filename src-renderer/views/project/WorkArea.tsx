import { CloseButton, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import type { Target } from '../../stores/ui';
import { Reader } from '../reader/Reader';
import { CodeEditor } from '../codebook/CodeEditor';
import { CaseEditor } from '../cases/CaseEditor';
// Memo tabs (views/memos).
import { MemoPane } from '../memos/MemoPane';
import { useMemoTitles } from '../memos/titles';
// The Compare tab (views/compare).
import { CompareView } from '../compare/CompareView';
// The Excerpts and Co-occurrence tabs (views/retrieve, views/cooccurrence).
import { RetrieveView } from '../retrieve/RetrieveView';
import { CooccurrenceView } from '../cooccurrence/CooccurrenceView';
import { SearchView } from '../search/SearchView'; // the Search tab (views/search)
import { PseudonymsView } from '../pseudonyms/PseudonymsView'; // the Pseudonyms tab (views/pseudonyms)
import { MeetingsView } from '../meetings/MeetingsView'; // the Meetings tab (views/meetings)
import { AgreementView } from '../agreement/AgreementView'; // the Agreement tab (views/agreement)
import { AdjudicateView } from '../adjudicate/AdjudicateView'; // the Adjudicate tab (views/adjudicate)

function useTitle(target: Target): string {
  const { t } = useTranslation();
  const { documents, codes, cases } = useData();
  const memoTitles = useMemoTitles((s) => s.titles); // memo tabs
  switch (target.kind) {
    case 'document':
      return documents.find((d) => d.id === target.id)?.title ?? '…';
    case 'code':
      return codes.find((c) => c.id === target.id)?.name ?? '…';
    case 'case':
      return cases.find((c) => c.id === target.id)?.name ?? '…';
    case 'new-code':
      return t('code.newCode');
    case 'new-case':
      return t('cases.newCase');
    case 'memo':
      return memoTitles[target.id] || t('memo.untitled');
    case 'compare':
      return t('compare.tab');
    case 'retrieve':
      return t('retrieve.tab');
    case 'cooccurrence':
      return t('retrieve.cooccurrence.tab');
    case 'search':
      return t('search.tab');
    case 'pseudonyms':
      return t('pseudonyms.tab');
    case 'meetings':
      return t('meetings.tab');
    case 'agreement':
      return t('agreement.tab');
    case 'adjudicate':
      return t('adjudicate.tab');
  }
}

function TabLabel({ target }: { target: Target }) {
  const { t } = useTranslation();
  const title = useTitle(target);
  const close = useUi((s) => s.close);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, maxWidth: 220 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{title}</span>
      {/* A span, since a tab is a button already; Delete on the focused tab closes it too. */}
      <CloseButton
        size="xs"
        component="span"
        role="button"
        aria-label={t('work.close', { title })}
        onClick={(event) => {
          event.stopPropagation();
          close(targetKey(target));
        }}
      />
    </span>
  );
}

function Pane({ target }: { target: Target }) {
  switch (target.kind) {
    case 'document':
      return <Reader id={target.id} />;
    case 'code':
      return <CodeEditor id={target.id} parentId={null} />;
    case 'new-code':
      return <CodeEditor id={null} parentId={target.parentId} />;
    case 'case':
      return <CaseEditor id={target.id} parentId={null} />;
    case 'new-case':
      return <CaseEditor id={null} parentId={target.parentId} />;
    case 'memo':
      return <MemoPane id={target.id} />;
    case 'compare':
      return <CompareView />;
    case 'retrieve':
      return <RetrieveView />;
    case 'cooccurrence':
      return <CooccurrenceView />;
    case 'search':
      return <SearchView />;
    case 'pseudonyms':
      return <PseudonymsView />;
    case 'meetings':
      return <MeetingsView />;
    case 'agreement':
      return <AgreementView />;
    case 'adjudicate':
      return <AdjudicateView />;
  }
}

/** The open documents, codes and cases, one tab each. */
export function WorkArea() {
  const { t } = useTranslation();
  const { tabs, active, activate } = useUi();
  if (tabs.length === 0) {
    return (
      <Text c="dimmed" size="sm" p="xl" ta="center">
        {t('work.empty', { shortcut: 'Ctrl+K' })}
      </Text>
    );
  }
  return (
    // Only the active tab is mounted: the reader paints highlights for one document at a time.
    <Tabs value={active} onChange={(v) => v && activate(v)} className="pane" style={{ flex: 1 }} keepMounted={false}>
      <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
        {tabs.map((target) => (
          <Tabs.Tab
            key={targetKey(target)}
            value={targetKey(target)}
            onKeyDown={(event) => {
              if (event.key === 'Delete') useUi.getState().close(targetKey(target));
            }}
          >
            <TabLabel target={target} />
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((target) => (
        <Tabs.Panel key={targetKey(target)} value={targetKey(target)} className="pane" style={{ flex: 1 }}>
          {/* The reader scrolls (and virtualises) its own rows; forms scroll in the pane. */}
          <div className={target.kind === 'document' ? 'pane' : 'pane-scroll'} style={{ flex: 1, minHeight: 0 }}>
            <Pane target={target} />
          </div>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
