import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, Group, Loader, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResult } from '../../../src-shared/contract';
import { QuireError } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { useReader } from '../reader/store';
import { CodeAllDialog } from './CodeAllDialog';
import { useSearch } from './store';
import type { SearchMode, SearchScope, Submitted } from './store';
import './search.css';

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ⏎ ');

/** Opens a hit: a document in the Reader at its words, a memo in its tab. */
function openHit(hit: SearchHit): void {
  if (hit.kind === 'document' && hit.documentId) {
    useReader.getState().setJump({ documentId: hit.documentId, start: hit.start, end: hit.end });
    useUi.getState().open({ kind: 'document', id: hit.documentId });
  } else if (hit.memoId) useUi.getState().open({ kind: 'memo', id: hit.memoId });
}

/** "1,234 matches in 56 documents and 2 memos", "about …" when estimated. */
function useTally(): (result: SearchResult) => string {
  const { t } = useTranslation();
  return (result) => {
    if (result.total === 0) return t('search.none');
    const matches = t('search.matches', { count: result.total });
    const where = [
      ...(result.documents > 0 || result.memos === 0 ? [t('search.inDocuments', { count: result.documents })] : []),
      ...(result.memos > 0 ? [result.documents > 0 ? t('search.andMemos', { count: result.memos }) : t('search.inMemos', { count: result.memos })] : []),
    ].join(' ');
    return `${result.exact ? matches : t('search.about', { what: matches })} ${where}`;
  };
}

/** The answer to the submitted search, asked again whenever the project changes. */
/** How soon a search waiting for the index is tried again. */
const INDEX_RETRY_MS = 1500;

function useResults(submitted: Submitted | null, shown: number): { result: SearchResult | null; error: string | null; loading: boolean } {
  const { i18n } = useTranslation();
  const version = useData((s) => s.version);
  const [state, setState] = useState<{ key: string; search: string; result: SearchResult | null; error: string | null } | null>(null);
  // While the index is being built (after an upgrade) the core says so; the search is tried again until it is ready.
  const [attempt, setAttempt] = useState(0);
  const locale = i18n.language === 'ru' ? 'ru' : 'en';
  const search = JSON.stringify([submitted, locale]);
  const key = submitted ? JSON.stringify([search, shown, version, attempt]) : null;
  useEffect(() => {
    if (!submitted || key === null) return;
    let current = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    call('search.query', { ...submitted, limit: shown, offset: 0, locale })
      .then((result) => current && setState({ key, search, result, error: null }))
      .catch((error: unknown) => {
        if (!current) return;
        setState({ key, search, result: null, error: error instanceof QuireError || error instanceof Error ? error.message : String(error) });
        if (error instanceof QuireError && error.code === 'index_building') retry = setTimeout(() => setAttempt((n) => n + 1), INDEX_RETRY_MS);
      });
    return () => {
      current = false;
      clearTimeout(retry);
    };
  }, [key, search, submitted, shown, locale]);
  if (!submitted) return { result: null, error: null, loading: false };
  if (state?.key === key) return { result: state.result, error: state.error, loading: false };
  // While more hits (or a refresh after a change) load, those already shown stay; a new search starts afresh.
  return { result: state?.search === search ? state.result : null, error: null, loading: true };
}

/** One hit as a keyword-in-context line with its citation. */
function HitRow({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <li className="search-hit">
      <button type="button" className="search-hit-button" aria-label={t('search.openHit', { match: hit.match, title: hit.title })} onClick={() => openHit(hit)}>
        <span className="search-kwic">
          <span className="search-before">
            <span dir="ltr">{oneLine(hit.before)}</span>
          </span>
          <mark className="search-match">{oneLine(hit.match)}</mark>
          <span className="search-after">{oneLine(hit.after)}</span>
        </span>
        <span className="search-citation">
          {hit.kind === 'memo' && `${t('search.memo')} · `}
          {hit.citation}
        </span>
      </button>
    </li>
  );
}

/**
 * The Search tab: words (by their stem, phrases, prefixes, Boolean operators) or text inside
 * words, in documents and memos; hits in context, each opening the Reader at its words; and every
 * hit coded at once.
 */
export function SearchView() {
  const { t } = useTranslation();
  const { text, mode, scope, submitted, shown, focusRequest, setText, setMode, setScope, submit, showMore } = useSearch();
  const { result, error, loading } = useResults(submitted, shown);
  const tally = useTally();
  const box = useRef<HTMLInputElement | null>(null);
  const [coding, setCoding] = useState(false);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.select();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  /** Up and down move between hits, as in a list. */
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.search-hit-button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div className="search-view">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group gap={6} align="end" wrap="nowrap">
          <TextInput
            ref={box}
            style={{ flex: 1 }}
            label={t('search.box')}
            placeholder={t('search.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') document.querySelector<HTMLButtonElement>('.search-hit-button')?.focus();
            }}
          />
          <Button type="submit">{t('search.run')}</Button>
        </Group>
        <Group gap="md" mt={6} wrap="wrap">
          <SegmentedControl
            size="xs"
            aria-label={t('search.mode')}
            value={mode}
            onChange={(value) => setMode(value as SearchMode)}
            data={[
              { value: 'words', label: t('search.words') },
              { value: 'substring', label: t('search.substring') },
            ]}
          />
          <SegmentedControl
            size="xs"
            aria-label={t('search.scope')}
            value={scope}
            onChange={(value) => setScope(value as SearchScope)}
            data={[
              { value: 'all', label: t('search.all') },
              { value: 'documents', label: t('search.documents') },
              { value: 'memos', label: t('search.memos') },
            ]}
          />
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {mode === 'words' ? t('search.hint') : t('search.hintSubstring')}
        </Text>
      </form>

      {error && (
        <Text size="sm" c="red" mt="md" role="alert">
          {error}
        </Text>
      )}
      {submitted && !error && (
        <section aria-label={t('search.results')} className="search-results">
          <Group justify="space-between" mt="md" mb={6} wrap="wrap">
            <Text size="sm" role="status" aria-live="polite">
              {result ? tally(result) : ''}
              {loading && <Loader size="xs" ml={8} />}
            </Text>
            {result && result.documentHits > 0 && (
              <Button size="compact-sm" variant="default" onClick={() => setCoding(true)}>
                {t('search.codeAll')}
              </Button>
            )}
          </Group>
          {result && result.hits.length > 0 && (
            <ul className="search-list" aria-label={t('search.results')} onKeyDown={onListKeyDown}>
              {result.hits.map((hit) => (
                <HitRow key={`${hit.documentId ?? hit.memoId}:${hit.start}`} hit={hit} />
              ))}
            </ul>
          )}
          {result && result.hits.length < result.total && result.hits.length >= shown && (
            <Button size="compact-sm" variant="subtle" mt={6} onClick={showMore} loading={loading}>
              {t('search.more')}
            </Button>
          )}
        </section>
      )}
      {coding && submitted && result && <CodeAllDialog submitted={submitted} hits={result.documentHits} exact={result.exact} onClose={() => setCoding(false)} />}
    </div>
  );
}
