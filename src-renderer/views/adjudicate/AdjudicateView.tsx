import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, Group, Loader, MultiSelect, NumberInput, Select, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdjudicationDecision, Disagreement } from '../../../src-shared/contract/disagreements';
import { call } from '../../api/client';
import { usePages } from '../../api/usePages';
import type { Page } from '../../api/usePages';
import { useData } from '../../stores/data';
import { attempt, useNotices } from '../../stores/notices';
import { useUi } from '../../stores/ui';
import { useReader } from '../reader/store';
import { codeOptions } from '../codebook/tree';
import { DECISION_KEYS, DisagreementItem } from './DisagreementItem';
import { useAdjudicate } from './store';
import './adjudicate.css';

const PAGE = 50;

/**
 * The adjudication queue: where two coders disagree (one coded alone, different codes, different
 * boundaries), each with A's passage beside B's, decided one by one with buttons or keys. Every
 * decision is an ordinary operation: Ctrl+Z takes it back and the disagreement returns.
 */
export function AdjudicateView() {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  const documents = useData((s) => s.documents);
  const codesList = useData((s) => s.codes);
  const version = useData((s) => s.version);
  const settings = useAdjudicate();
  const active = members.filter((m) => !m.archived);
  const coderA = settings.coderA ?? active[0]?.id ?? null;
  const coderB = settings.coderB ?? active.find((m) => m.id !== coderA)?.id ?? null;
  const pair = coderA && coderB && coderA !== coderB ? { coderA, coderB } : null;
  const memberA = members.find((m) => m.id === coderA);
  const memberB = members.find((m) => m.id === coderB);
  const codes = useMemo(() => new Map(codesList.map((c) => [c.id, c])), [codesList]);
  // Paths, not bare names: two sub-codes may share a name.
  const codeChoices = useMemo(() => codeOptions(codesList), [codesList]);
  const [counts, setCounts] = useState({ decided: 0, oneSided: 0 });
  const [noting, setNoting] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const list = useRef<HTMLUListElement>(null);

  const fetchPage = async (offset: number): Promise<Page<Disagreement>> => {
    if (!pair) return { items: [], next: null, total: 0 };
    const page = await call('disagreements.list', {
      ...pair,
      ...(settings.documentIds.length > 0 ? { documentIds: [...settings.documentIds] } : {}),
      ...(settings.codeIds.length > 0 ? { codeIds: [...settings.codeIds] } : {}),
      tolerance: settings.tolerance,
      limit: PAGE,
      offset,
    });
    setCounts({ decided: page.decided, oneSided: page.oneSided });
    return { items: page.items, next: offset + PAGE < page.total ? offset + PAGE : null, total: page.total };
  };
  const { items, total = 0, next, loading, more } = usePages(fetchPage, [coderA, coderB, settings.documentIds, settings.codeIds, settings.tolerance, version]);

  // After a decision the list is read again: focus stays at the same place in it.
  const focusIn = useRef(false);
  useEffect(() => {
    if (!focusIn.current) return;
    const index = Math.min(current, items.length - 1);
    list.current?.querySelector<HTMLElement>(`[data-index="${index}"] article`)?.focus();
  }, [items, current]);

  const decide = (item: Disagreement, decision: AdjudicationDecision, note?: string) =>
    attempt(async () => {
      if (!pair) return;
      await call('disagreements.resolve', { ...pair, aCodingId: item.a?.id ?? null, bCodingId: item.b?.id ?? null, decision, ...(note ? { note } : {}) });
      setNoting(null);
      useNotices.getState().push('info', t(`adjudicate.done.${decision}`));
    });

  const openInReader = (item: Disagreement) => {
    if (!pair) return;
    const reader = useReader.getState();
    reader.setCompare({ a: pair.coderA, b: pair.coderB });
    reader.selectCoding(item.a?.id ?? item.b?.id ?? null);
    const start = Math.min(item.a?.start ?? Infinity, item.b?.start ?? Infinity);
    const end = Math.max(item.a?.end ?? -Infinity, item.b?.end ?? -Infinity);
    reader.setJump({ documentId: item.documentId, start, end });
    useUi.getState().open({ kind: 'document', id: item.documentId });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || (event.target as HTMLElement).closest('input, textarea, button')) return;
    const index = Number((event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index') ?? -1);
    const item = items[index];
    if (!item) return;
    const move = (to: number) => {
      const i = Math.max(0, Math.min(items.length - 1, to));
      setCurrent(i);
      list.current?.querySelector<HTMLElement>(`[data-index="${i}"] article`)?.focus();
    };
    const action = DECISION_KEYS[event.code];
    if (event.key === 'ArrowDown' || event.code === 'KeyJ') move(index + 1);
    else if (event.key === 'ArrowUp' || event.code === 'KeyK') move(index - 1);
    else if (action === 'note-open') setNoting(item.key);
    else if (action === 'open') openInReader(item);
    else if (action) void decide(item, action);
    else return;
    event.preventDefault();
  };

  const coderChoices = active.map((m) => ({ value: m.id, label: m.name }));
  return (
    <div className="adj-view">
      <Title order={2} size="h4">
        {t('adjudicate.title')}
      </Title>
      <Group gap="sm" align="flex-end">
        <Select size="xs" label={t('adjudicate.coderA')} data={coderChoices} value={coderA} allowDeselect={false} onChange={(id) => id && settings.set({ coderA: id, coderB })} />
        <Select size="xs" label={t('adjudicate.coderB')} data={coderChoices} value={coderB} allowDeselect={false} onChange={(id) => id && settings.set({ coderA, coderB: id })} />
        <MultiSelect
          size="xs"
          label={t('adjudicate.documents')}
          placeholder={settings.documentIds.length === 0 ? t('adjudicate.all') : undefined}
          data={documents.map((d) => ({ value: d.id, label: d.title }))}
          value={[...settings.documentIds]}
          onChange={(documentIds) => settings.set({ documentIds })}
          searchable
          clearable
          style={{ minWidth: 220 }}
        />
        <MultiSelect
          size="xs"
          label={t('adjudicate.codes')}
          placeholder={settings.codeIds.length === 0 ? t('adjudicate.all') : undefined}
          data={codeChoices}
          value={[...settings.codeIds]}
          onChange={(codeIds) => settings.set({ codeIds })}
          searchable
          clearable
          style={{ minWidth: 220 }}
        />
        <NumberInput
          size="xs"
          label={t('adjudicate.tolerance')}
          description={t('adjudicate.toleranceHint')}
          min={0}
          max={1000}
          value={settings.tolerance}
          onChange={(value) => typeof value === 'number' && settings.set({ tolerance: value })}
          w={200}
        />
      </Group>
      {pair === null ? (
        <Text size="sm" c="dimmed">
          {t('adjudicate.choose')}
        </Text>
      ) : (
        <>
          <Text size="sm" role="status">
            {loading && items.length === 0 ? t('adjudicate.loading') : t('adjudicate.left', { count: total })}
            {counts.decided > 0 && ` · ${t('adjudicate.decided', { count: counts.decided })}`}
            {counts.oneSided > 0 && ` · ${t('adjudicate.oneSided', { count: counts.oneSided })}`}
          </Text>
          <Text size="xs" c="dimmed">
            {t('adjudicate.keys')}
          </Text>
          <ul
            ref={list}
            className="adj-list"
            aria-label={t('adjudicate.list', { a: memberA?.name ?? '', b: memberB?.name ?? '' })}
            onKeyDown={onKeyDown}
            onFocus={(event) => {
              focusIn.current = true;
              const index = (event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index');
              if (index !== null && index !== undefined) setCurrent(Number(index));
            }}
            onBlur={(event) => {
              if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusIn.current = false;
            }}
          >
            {items.map((item, index) => (
              <DisagreementItem
                key={item.key}
                item={item}
                index={index}
                a={memberA}
                b={memberB}
                codes={codes}
                noting={noting === item.key}
                onNoting={(open) => setNoting(open ? item.key : null)}
                onDecide={(decision, note) => void decide(item, decision, note)}
                onOpen={() => openInReader(item)}
              />
            ))}
          </ul>
          {loading && <Loader size="xs" aria-label={t('adjudicate.loading')} />}
          {!loading && next !== null && (
            <Button variant="default" size="xs" onClick={() => void more()}>
              {t('adjudicate.more')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
