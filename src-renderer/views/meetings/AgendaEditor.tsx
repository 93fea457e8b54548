import { useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Paper, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingItem } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { attempt } from '../../stores/notices';
import { DecisionForm } from './DecisionForm';
import { DecisionSummary } from './DecisionSummary';
import { moved, refsOf } from './model';
import type { AgendaRef } from './model';
import { useMeetings } from './store';

/** A private drag type, so an agenda item dropped anywhere else inserts nothing. */
const ITEM_DRAG_TYPE = 'application/x-quire-agenda-item';

/** Saves the agenda in a new order or with items left out (one undoable operation). */
export const saveAgenda = (meetingId: string, items: readonly AgendaRef[]): Promise<Meeting | undefined> => attempt(() => call('meetings.setAgenda', { meetingId, items: [...items] }));

/** The words an agenda item stands for: the quote of a coding, the title of a document or memo. */
export function itemText(item: MeetingItem, deleted: string): string {
  if (!item.target.exists) return deleted;
  return item.target.quote ?? item.target.label;
}

/**
 * The agenda in order: each item with what it is about and its decision; moved by the Up and Down
 * buttons (which keep the focus on the moved item) or by dragging; dropped; decided in a dialog.
 */
export function AgendaEditor({ meeting }: { readonly meeting: Meeting }) {
  const { t } = useTranslation();
  const present = useMeetings((s) => s.present);
  const [deciding, setDeciding] = useState<MeetingItem | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // After a move by keyboard the item's button keeps the focus, wherever the item went; at the
  // top or bottom, where that button is disabled, its other move button takes it.
  const refocus = useRef<{ readonly id: string; readonly dir: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    const { id, dir } = refocus.current;
    const button = (d: string) => list.current?.querySelector<HTMLButtonElement>(`[data-focus-key="${d}-${id}"]`);
    const target = button(dir);
    (target && !target.disabled ? target : button(dir === 'up' ? 'down' : 'up'))?.focus();
    refocus.current = null;
  }, [meeting]);

  const refs = refsOf(meeting.items);
  const move = (from: number, to: number, focus?: { id: string; dir: 'up' | 'down' }): void => {
    if (to < 0 || to >= refs.length || from === to) return;
    refocus.current = focus ?? null;
    void saveAgenda(meeting.id, moved(refs, from, to));
  };
  const drop = (index: number): void => void saveAgenda(meeting.id, refs.filter((_, i) => i !== index));

  const onDrop = (event: DragEvent, to: number): void => {
    const from = Number(event.dataTransfer.getData(ITEM_DRAG_TYPE));
    setDragging(null);
    if (!event.dataTransfer.types.includes(ITEM_DRAG_TYPE) || Number.isNaN(from)) return;
    event.preventDefault();
    move(from, to);
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h5">
          {t('meetings.agenda.heading', { count: meeting.items.length })}
        </Title>
      </Group>
      {meeting.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.empty')}
        </Text>
      ) : (
        <ol ref={list} aria-label={t('meetings.agenda.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {meeting.items.map((item, index) => {
            const n = index + 1;
            const text = itemText(item, t('meetings.agenda.deleted'));
            return (
              <li
                key={item.id}
                aria-label={t('meetings.agenda.item', { n, text })}
                draggable
                onDragStart={(event) => {
                  event.dataTransfer.setData(ITEM_DRAG_TYPE, String(index));
                  event.dataTransfer.effectAllowed = 'move';
                  setDragging(index);
                }}
                onDragEnd={() => setDragging(null)}
                onDragOver={(event) => {
                  if (event.dataTransfer.types.includes(ITEM_DRAG_TYPE)) event.preventDefault();
                }}
                onDrop={(event) => onDrop(event, index)}
                style={{
                  borderTop: '1px solid var(--mantine-color-default-border)',
                  padding: '8px 0',
                  opacity: dragging === index ? 0.4 : 1,
                  cursor: 'grab',
                }}
              >
                <Group justify="space-between" align="start" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Group gap={6} mb={2}>
                      <Text size="sm" fw={700}>
                        {n}.
                      </Text>
                      <Badge size="xs" variant="light">
                        {t(`meetings.kinds.${item.target.kind}`)}
                      </Badge>
                      <Text size="sm" fw={500}>
                        {item.target.label}
                      </Text>
                    </Group>
                    {item.target.kind === 'coding' && item.target.exists && (
                      <Text size="sm" lineClamp={3}>
                        «{item.target.quote}»
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {[item.target.documentTitle, item.target.personName].filter(Boolean).join(' · ')}
                    </Text>
                    {item.decision && (
                      <div style={{ marginTop: 4 }}>
                        <DecisionSummary decision={item.decision} />
                      </div>
                    )}
                  </div>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('meetings.agenda.up', { n })}>
                      <ActionIcon variant="subtle" aria-label={t('meetings.agenda.up', { n })} disabled={index === 0} data-focus-key={`up-${item.id}`} onClick={() => move(index, index - 1, { id: item.id, dir: 'up' })}>
                        ↑
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('meetings.agenda.down', { n })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('meetings.agenda.down', { n })}
                        disabled={index === meeting.items.length - 1}
                        data-focus-key={`down-${item.id}`}
                        onClick={() => move(index, index + 1, { id: item.id, dir: 'down' })}
                      >
                        ↓
                      </ActionIcon>
                    </Tooltip>
                    <Button size="compact-sm" variant="light" aria-label={t('meetings.agenda.decide', { n })} onClick={() => setDeciding(item)} disabled={!item.target.exists}>
                      {t('meetings.agenda.decideShort')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" aria-label={t('meetings.agenda.presentFrom', { n })} onClick={() => present(meeting.id, 'presenting', index)}>
                      ▶
                    </Button>
                    <Tooltip label={t('meetings.agenda.drop', { n })}>
                      <ActionIcon variant="subtle" color="red" aria-label={t('meetings.agenda.drop', { n })} onClick={() => drop(index)}>
                        ✕
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
              </li>
            );
          })}
        </ol>
      )}
      <Modal opened={deciding !== null} onClose={() => setDeciding(null)} title={t('meetings.decision.title')} size="lg">
        {deciding && <DecisionForm item={deciding} onDone={() => setDeciding(null)} />}
      </Modal>
    </Paper>
  );
}
