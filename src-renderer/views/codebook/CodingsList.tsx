import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useQuery } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { CodingRow } from './CodingRow';
import { keepSelected, pageInfo, PAGE_SIZE } from './paging';
import { SplitDialog } from './SplitDialog';
import { markRead } from '../circulation/unread';
import { reportError } from '../../stores/notices';

/** The code's codings, a hundred at a time, with selection for splitting or moving some of them off. */
export function CodingsList({ code }: { code: Code }) {
  const { t } = useTranslation();
  const documents = useData((s) => s.documents);
  const members = useData((s) => s.members);
  const open = useUi((s) => s.open);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [split, setSplit] = useState<'new' | 'move' | null>(null);
  const info = pageInfo(code.codingCount, page);
  const codings = useQuery('codings.list', { codeId: code.id, limit: PAGE_SIZE, offset: info.offset });
  const titles = useMemo(() => new Map(documents.map((d) => [d.id, d.title])), [documents]);
  const coders = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);

  // Codings moved away (by this page or elsewhere) cannot stay selected.
  useEffect(() => {
    if (codings) setSelected((s) => keepSelected(s, codings));
  }, [codings]);

  const shown = codings ?? [];
  const all = shown.length > 0 && shown.every((c) => selected.has(c.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const go = (to: number) => {
    setPage(to);
    setSelected(new Set()); // a selection is of the rows in view: do not act on rows out of sight
  };

  return (
    <section aria-label={t('codebook.codings')}>
      <Title order={4} mb={6}>
        {t('codebook.codings')}
      </Title>
      {code.codingCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t('codebook.noCodings')}
        </Text>
      ) : (
        <>
          <Group gap={8} mb={6} wrap="wrap">
            <Checkbox
              checked={all}
              indeterminate={!all && selected.size > 0}
              onChange={() => setSelected(all ? new Set() : new Set(shown.map((c) => c.id)))}
              aria-label={t('codebook.selectPage')}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('codebook.selected', { count: selected.size })}
            </Text>
            <Button size="xs" variant="default" disabled={selected.size === 0} onClick={() => setSplit('new')}>
              {t('codebook.splitNew')}
            </Button>
            <Button size="xs" variant="default" disabled={selected.size === 0} onClick={() => setSplit('move')}>
              {t('codebook.moveToCode')}
            </Button>
            <Group gap={4} ml="auto">
              <Button size="xs" variant="subtle" disabled={!info.hasPrevious} onClick={() => go(info.page - 1)} aria-label={t('codebook.previousPage')}>
                ‹
              </Button>
              <Text size="sm">{t('codebook.range', { from: info.from, to: info.to, total: code.codingCount })}</Text>
              <Button size="xs" variant="subtle" disabled={!info.hasNext} onClick={() => go(info.page + 1)} aria-label={t('codebook.nextPage')}>
                ›
              </Button>
            </Group>
          </Group>
          <ul aria-label={t('codebook.codings')} style={{ margin: 0, padding: 0 }}>
            {shown.map((c) => (
              <CodingRow
                key={c.id}
                coding={c}
                documentTitle={titles.get(c.documentId) ?? t('codebook.unknownDocument')}
                coder={coders.get(c.coderId)}
                selected={selected.has(c.id)}
                onToggle={() => toggle(c.id)}
                onOpen={() => {
                  // Opening an excerpt from another team reads it (a no-op for everything else).
                  markRead({ kind: 'coding', id: c.id }).catch(reportError);
                  open({ kind: 'document', id: c.documentId });
                }}
              />
            ))}
          </ul>
        </>
      )}
      {split && <SplitDialog code={code} mode={split} codingIds={[...selected]} onDone={() => setSelected(new Set())} onClose={() => setSplit(null)} />}
    </section>
  );
}
