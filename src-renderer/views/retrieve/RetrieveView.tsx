import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Group, Loader, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../../api/useQuery';
import { formatNumber } from '../../i18n';
import { ExportDialog } from '../export/ExportDialog';
import { MarkUsedDialog } from '../export/QuoteBank';
import { RecodeDialog, UncodeDialog } from './BulkDialogs';
import { CitationTemplatesDialog } from './CitationTemplates';
import { OpenQuoteId } from './OpenQuoteId';
import { ExcerptItem } from './ExcerptItem';
import { draftProblem, draftToQuery } from './model';
import { QueryBuilder } from './QueryBuilder';
import { SavedQueries } from './SavedQueries';
import { useRetrieve } from './store';
import { useExcerptOverlay } from '../pseudonyms/overlay';
import { PseudonymSwitch } from '../pseudonyms/PseudonymSwitch';
import './retrieve.css';

const PAGE = 50;

/**
 * The Excerpts tab: a query over codes (combined by an operator, filtered by cases, attributes,
 * documents and speakers), its passages with citations a page at a time, and bulk recode or
 * uncode of the selected ones.
 */
export function RetrieveView() {
  const { t, i18n } = useTranslation();
  const { draft, offset, selected, expanded, setOffset, setSelected, toggleSelected, toggleExpanded } = useRetrieve();
  const [dialog, setDialog] = useState<'recode' | 'uncode' | 'templates' | 'export' | 'mark' | null>(null);
  // Typing a date or a value asks once the typing pauses.
  const [settled] = useDebouncedValue(draft, 250);
  const query = useMemo(() => draftToQuery(settled), [settled]);
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const { arrived, result: page } = useAnswer('retrieval.run', query ? { ...query, limit: PAGE, offset, language } : null);
  const excerpts = useMemo(() => page?.excerpts ?? [], [page]);
  const keys = useMemo(() => new Set(excerpts.map((e) => e.key)), [excerpts]);
  const overlay = useExcerptOverlay();
  // Where the page's excerpts are quoted (the quote bank), asked once per page.
  const pageCodingIds = useMemo(() => [...new Set(excerpts.flatMap((e) => e.codingIds))], [excerpts]);
  const uses = useAnswer('quoteBank.uses', pageCodingIds.length > 0 ? { codingIds: pageCodingIds } : null).result ?? {};

  // Excerpts gone after a change (recoded, uncoded, or by someone else) cannot stay selected.
  useEffect(() => {
    if (page && selected.some((k) => !keys.has(k))) setSelected(selected.filter((k) => keys.has(k)));
  }, [page, keys, selected, setSelected]);

  const chosen = excerpts.filter((e) => selected.includes(e.key));
  const codingIds = [...new Set(chosen.flatMap((e) => e.codingIds))];
  const all = excerpts.length > 0 && chosen.length === excerpts.length;
  const problem = draftProblem(draft);
  const total = page?.total ?? 0;

  return (
    <div className="retrieve-view">
      <Group justify="space-between" align="end" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {t('retrieve.heading')}
        </Title>
        <Group gap="xs" align="end">
          <OpenQuoteId />
          <Button size="xs" variant="default" onClick={() => setDialog('templates')}>
            {t('citations.templates')}
          </Button>
          <SavedQueries />
        </Group>
      </Group>
      <QueryBuilder />
      <section aria-label={t('retrieve.results')} className="retrieve-results">
        {problem === 'codes' ? (
          <Text c="dimmed" size="sm" mt="md">
            {t('retrieve.chooseCodes')}
          </Text>
        ) : !query ? null : !arrived || !page || settled !== draft ? (
          <Group gap={6} mt="md">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('retrieve.loading')}
            </Text>
          </Group>
        ) : (
          <>
            <Group gap={8} mt="md" mb={6} wrap="wrap" className="retrieve-toolbar">
              <Checkbox
                checked={all}
                indeterminate={!all && chosen.length > 0}
                disabled={excerpts.length === 0}
                onChange={() => setSelected(all ? [] : excerpts.map((e) => e.key))}
                aria-label={t('retrieve.selectPage')}
              />
              <Text size="sm" role="status" aria-live="polite" className="retrieve-count">
                {total === 0
                  ? t('retrieve.none')
                  : `${t('retrieve.found', { count: total, formattedCount: formatNumber(total) })} ${t('retrieve.inDocuments', { count: page.documents, formattedCount: formatNumber(page.documents) })}`}
              </Text>
              {chosen.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('retrieve.selected', { count: chosen.length })}
                </Text>
              )}
              <Button size="xs" variant="default" disabled={codingIds.length === 0} onClick={() => setDialog('recode')}>
                {t('retrieve.recode')}
              </Button>
              <Button size="xs" variant="default" color="red" disabled={codingIds.length === 0} onClick={() => setDialog('uncode')}>
                {t('retrieve.uncode')}
              </Button>
              <Button size="xs" variant="default" disabled={codingIds.length === 0} onClick={() => setDialog('mark')}>
                {t('export.markUsed')}
              </Button>
              <Button size="xs" variant="default" disabled={total === 0} onClick={() => setDialog('export')}>
                {t('export.open')}
              </Button>
              <PseudonymSwitch />
              {total > PAGE && (
                <Group gap={4} ml="auto">
                  <Button size="xs" variant="subtle" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))} aria-label={t('retrieve.previous')}>
                    ‹
                  </Button>
                  <Text size="sm">{t('retrieve.range', { from: formatNumber(offset + 1), to: formatNumber(Math.min(total, offset + PAGE)), total: formatNumber(total) })}</Text>
                  <Button size="xs" variant="subtle" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)} aria-label={t('retrieve.next')}>
                    ›
                  </Button>
                </Group>
              )}
            </Group>
            <ul className="retrieve-list" aria-label={t('retrieve.results')}>
              {excerpts.map((e) => (
                <ExcerptItem
                  key={e.key}
                  excerpt={overlay(e)}
                  expanded={expanded.includes(e.key)}
                  onToggleExpanded={() => toggleExpanded(e.key)}
                  selection={{ selected: selected.includes(e.key), onToggle: () => toggleSelected(e.key) }}
                  drafts={[...new Set(e.codingIds.flatMap((id) => uses[id] ?? []))]}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      {dialog === 'recode' && <RecodeDialog codingIds={codingIds} onClose={() => setDialog(null)} onDone={() => { setDialog(null); setSelected([]); }} />}
      {dialog === 'templates' && <CitationTemplatesDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && query && <ExportDialog query={query} total={total} selectedCodingIds={codingIds} selectedCount={chosen.length} onClose={() => setDialog(null)} />}
      {dialog === 'mark' && <MarkUsedDialog codingIds={codingIds} count={chosen.length} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />}
      {dialog === 'uncode' && <UncodeDialog codingIds={codingIds} onClose={() => setDialog(null)} onDone={() => { setDialog(null); setSelected([]); }} />}
    </div>
  );
}
