import { useEffect, useRef } from 'react';
import { Anchor, Button, CloseButton, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Excerpt, Matrix, MatrixColumn, MatrixRow } from '../../../src-shared/contract';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import { call } from '../../api/client';
import { usePages } from '../../api/usePages';
import type { Page } from '../../api/usePages';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { useReader } from '../reader/store';
import { cellFilter, inPeriod, resolveColumnsBy } from './model';
import { useCompare } from './store';

const PAGE = 100;

interface CellExcerptsProps {
  readonly matrix: Matrix;
  readonly row: MatrixRow;
  readonly column: MatrixColumn;
  readonly columnLabel: string;
  readonly onClose: () => void;
}

/**
 * The passages behind a cell, through `retrieval.run`: the row's code (its own codings, as the
 * matrix counts them, not its sub-codes') in the column's documents — its case and the cases
 * inside it, or its attribute value — and, when split by period, the documents whose date starts
 * in the column's period. Each opens its document in the reader.
 */
export function CellExcerpts({ matrix, row, column, columnLabel, onClose }: CellExcerptsProps) {
  const { t, i18n } = useTranslation();
  const caseTypes = useData((s) => s.caseTypes);
  const attributes = useData((s) => s.attributes);
  const version = useData((s) => s.version);
  const heading = useRef<HTMLHeadingElement>(null);
  const by = resolveColumnsBy(matrix.columnsBy, caseTypes, attributes);
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  // The cell's passages are those its figure counts: the same coders'.
  const coderIds = useCompare((s) => s.coderIds);

  const fetchPage = async (offset: number): Promise<Page<Excerpt>> => {
    if (!by) return { items: [], next: null };
    const filter = cellFilter(column, by, matrix.waves);
    const page = await call('retrieval.run', {
      codeIds: [row.codeId],
      coderIds: [...coderIds],
      caseIds: filter.caseIds,
      attributes: filter.attributes,
      from: filter.from,
      to: filter.to,
      limit: PAGE,
      offset,
      language,
      context: 120,
    });
    return {
      items: page.excerpts.filter((e) => inPeriod(column, matrix.period, e.documentDate, matrix.waves)),
      next: offset + PAGE < page.total ? offset + PAGE : null,
    };
  };

  // The first page, again whenever the cell or the project changes.
  const { items: excerpts, next, loading, more } = usePages(fetchPage, [row.codeId, column.key, matrix.columnsBy, matrix.period, coderIds, version, language, by?.kind]);

  useEffect(() => {
    heading.current?.focus();
  }, [row.codeId, column.key]);

  // The reader scrolls to the passage and selects it (its pending jump), its coding in the inspector.
  const open = (excerpt: Excerpt): void => {
    const reader = useReader.getState();
    reader.selectCoding(excerpt.codingIds[0] ?? null);
    reader.setJump({ documentId: excerpt.documentId, start: excerpt.start, end: excerpt.end });
    useUi.getState().open({ kind: 'document', id: excerpt.documentId });
  };

  return (
    <aside
      className="compare-excerpts"
      aria-labelledby="compare-excerpts-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="start" gap={4}>
        <Title order={3} size="h5" id="compare-excerpts-heading" ref={heading} tabIndex={-1}>
          {t('compare.excerpts.heading')}
        </Title>
        <CloseButton aria-label={t('compare.excerpts.close')} onClick={onClose} />
      </Group>
      <Text size="sm" fw={500}>
        {row.path}
      </Text>
      <Text size="sm" c="dimmed">
        {columnLabel} · {t('compare.codings', { count: row.counts[matrix.columns.indexOf(column)] ?? 0 })}
      </Text>
      {!loading && (
        <Text size="xs" c="dimmed" role="status">
          {excerpts.length === 0 ? t('compare.excerpts.none') : t('compare.excerpts.shown', { count: excerpts.length })}
        </Text>
      )}
      <ul className="compare-excerpt-list" aria-label={t('compare.excerpts.heading')}>
        {excerpts.map((e) => (
          <li key={e.key}>
            <Stack gap={2}>
              <Anchor component="button" type="button" size="sm" fw={500} ta="left" onClick={() => open(e)} aria-label={t('compare.excerpts.open', { title: e.documentTitle })}>
                {e.documentTitle}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[e.documentDate ? formatFuzzyDate(e.documentDate, language) : null, e.speaker, e.coderName].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm" component="blockquote" className="compare-quote">
                {e.contextBefore && (
                  <Text span c="dimmed" inherit>
                    …{e.contextBefore}
                  </Text>
                )}
                <Text span inherit fw={500}>
                  {e.quote}
                </Text>
                {e.contextAfter && (
                  <Text span c="dimmed" inherit>
                    {e.contextAfter}…
                  </Text>
                )}
              </Text>
            </Stack>
          </li>
        ))}
      </ul>
      {loading && (
        <Group gap={6}>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('compare.excerpts.loading')}
          </Text>
        </Group>
      )}
      {!loading && next !== null && (
        <Button variant="default" size="xs" onClick={() => void more()}>
          {t('compare.excerpts.more')}
        </Button>
      )}
    </aside>
  );
}
