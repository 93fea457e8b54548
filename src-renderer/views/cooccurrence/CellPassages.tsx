import { useEffect, useRef, useState } from 'react';
import { Button, CloseButton, Group, Loader, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CooccurrenceBy, Excerpt } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { usePages } from '../../api/usePages';
import type { Page } from '../../api/usePages';
import { useData } from '../../stores/data';
import { ExcerptItem } from '../retrieve/ExcerptItem';
import type { CellPair } from './store';
import { useCooccurrence } from './store';

const PAGE = 50;

/** The passages behind one cell, as many as it counts, a page at a time; each opens in the reader. */
export function CellPassages({ by, cell, names, onClose }: { by: CooccurrenceBy; cell: CellPair; names: { a: string; b: string }; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const version = useData((s) => s.version);
  // The passages of the coders the matrix counts.
  const coderIds = useCooccurrence((s) => s.coderIds);
  const [expanded, setExpanded] = useState<readonly string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const language = i18n.language === 'ru' ? 'ru' : 'en';

  const fetchPage = async (offset: number): Promise<Page<Excerpt>> => {
    const page = await call('cooccurrence.excerpts', { by, codeIds: [cell.a, cell.b], coderIds: [...coderIds], limit: PAGE, offset, language });
    return { items: page.excerpts, next: offset + PAGE < page.total ? offset + PAGE : null, total: page.total };
  };
  const { items: excerpts, total = 0, next, loading, more } = usePages(fetchPage, [by, cell.a, cell.b, coderIds, version, language]);

  useEffect(() => heading.current?.focus(), [cell.a, cell.b]);

  return (
    <section
      className="cooc-passages"
      aria-labelledby="cooc-passages-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Title order={3} size="h5" id="cooc-passages-heading" ref={heading} tabIndex={-1}>
          {t('retrieve.cooccurrence.passages')}: {cell.a === cell.b ? names.a : t('retrieve.cooccurrence.passagesOf', { a: names.a, b: names.b })}
        </Title>
        <CloseButton aria-label={t('retrieve.cooccurrence.close')} onClick={onClose} />
      </Group>
      {!loading && (
        <Text size="xs" c="dimmed" role="status">
          {total === 0 ? t('retrieve.cooccurrence.none') : t('retrieve.cooccurrence.shown', { shown: excerpts.length, total })}
        </Text>
      )}
      <ul className="retrieve-list" aria-label={t('retrieve.cooccurrence.passages')}>
        {excerpts.map((e) => (
          <ExcerptItem
            key={e.key}
            excerpt={e}
            expanded={expanded.includes(e.key)}
            onToggleExpanded={() => setExpanded((x) => (x.includes(e.key) ? x.filter((k) => k !== e.key) : [...x, e.key]))}
          />
        ))}
      </ul>
      {loading && <Loader size="xs" mt="xs" aria-label={t('retrieve.cooccurrence.loading')} />}
      {!loading && next !== null && (
        <Button variant="default" size="xs" mt="xs" onClick={() => void more()}>
          {t('retrieve.cooccurrence.more')}
        </Button>
      )}
    </section>
  );
}
