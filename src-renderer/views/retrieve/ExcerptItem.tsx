import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Excerpt, ExcerptTranslation } from '../../../src-shared/contract';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { QuoteUses } from '../export/QuoteBank';
import { useReader } from '../reader/store';
import { shortContext } from './model';
import { QuoteId } from './QuoteId';
import { TranslationEditor, TranslationList } from './Translations';

/**
 * Opens the excerpt's document in the reader at the passage (the reader's pending jump scrolls to
 * it and selects its words), with its coding selected for the inspector.
 */
export function openExcerpt(excerpt: Pick<Excerpt, 'documentId' | 'start' | 'end'> & { readonly codingIds: readonly string[] }): void {
  const reader = useReader.getState();
  reader.selectCoding(excerpt.codingIds[0] ?? null);
  reader.setJump({ documentId: excerpt.documentId, start: excerpt.start, end: excerpt.end });
  useUi.getState().open({ kind: 'document', id: excerpt.documentId });
}

interface ExcerptItemProps {
  readonly excerpt: Excerpt;
  readonly expanded: boolean;
  readonly onToggleExpanded: () => void;
  /** Given, the excerpt can be selected for bulk actions. */
  readonly selection?: { readonly selected: boolean; readonly onToggle: () => void };
  /** The drafts of the quote bank the excerpt is used in. */
  readonly drafts?: readonly string[];
}

/** One retrieved passage: citation, quote id, where it is, its codes and coder, the words in their context, their translations beside them, and the drafts quoting it. */
export function ExcerptItem({ excerpt: e, expanded, onToggleExpanded, selection, drafts = [] }: ExcerptItemProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const nameOf = (id: string): string => codes.find((c) => c.id === id)?.name ?? '';
  const before = expanded ? e.contextBefore : shortContext(e.contextBefore, 'before');
  const after = expanded ? e.contextAfter : shortContext(e.contextAfter, 'after');
  const wider = e.contextBefore.length > before.length || e.contextAfter.length > after.length || expanded;
  // The translation being edited: null adds one; undefined, no editor open.
  const [editing, setEditing] = useState<ExcerptTranslation | null | undefined>(undefined);
  const codingId = e.codingIds[0];
  return (
    <li className="retrieve-excerpt" aria-label={`${e.documentTitle} ${e.citation}`}>
      <Group gap={8} wrap="nowrap" align="start">
        {selection && <Checkbox mt={3} checked={selection.selected} onChange={selection.onToggle} aria-label={t('retrieve.selectExcerpt', { title: e.documentTitle })} />}
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap" align="baseline">
            <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => openExcerpt(e)} aria-label={t('retrieve.open', { title: e.documentTitle })}>
              {e.documentTitle}
            </Anchor>
            <Text size="sm" c="dimmed" className="retrieve-citation" aria-label={`${t('retrieve.citation')}: ${e.citation}`}>
              {e.citation}
            </Text>
            {e.quoteIds[0] && <QuoteId id={e.quoteIds[0]} />}
          </Group>
          <Group gap={4} mt={2} wrap="wrap">
            {e.codes.map((c) => (
              <Badge key={c.id} size="xs" variant="light" radius="sm" styles={{ root: { borderLeft: `3px solid ${c.color}`, textTransform: 'none' } }}>
                {c.name}
              </Badge>
            ))}
            {e.speaker && (
              <Badge size="xs" variant="outline" color="gray" radius="sm" styles={{ root: { textTransform: 'none' } }}>
                {t('retrieve.speaker', { speaker: e.speaker })}
              </Badge>
            )}
            <Tooltip label={t('retrieve.codedBy', { name: e.coderName })}>
              <Text size="xs" c="dimmed" aria-label={t('retrieve.codedBy', { name: e.coderName })}>
                {e.coderName}
              </Text>
            </Tooltip>
            <QuoteUses drafts={drafts} codingIds={e.codingIds} />
            {e.needsReview && (
              <Badge size="xs" color="orange">
                {t('retrieve.needsReview')}
              </Badge>
            )}
          </Group>
          <div className={e.translations.length > 0 ? 'retrieve-parallel' : undefined}>
            <Text size="sm" mt={4} component="blockquote" className="retrieve-quote">
              {before && (
                <Text span c="dimmed" inherit>
                  …{before}
                </Text>
              )}
              <Text span inherit fw={500} className="retrieve-words">
                {e.quote}
              </Text>
              {after && (
                <Text span c="dimmed" inherit>
                  {after}…
                </Text>
              )}
            </Text>
            {e.translations.length > 0 && <TranslationList translations={e.translations} onEdit={setEditing} />}
          </div>
          {e.related.length > 0 && (
            <ul className="retrieve-related">
              {e.related.map((r) => (
                <li key={r.id}>
                  <Text size="xs" c="dimmed">
                    {t('retrieve.with', { code: nameOf(r.codeId), quote: r.quote.length > 140 ? `${r.quote.slice(0, 140)}…` : r.quote })}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          <Group gap="sm">
            {wider && (
              <UnstyledButton className="retrieve-more" onClick={onToggleExpanded} aria-expanded={expanded}>
                <Text size="xs" c="blue">
                  {expanded ? t('retrieve.lessContext') : t('retrieve.moreContext')}
                </Text>
              </UnstyledButton>
            )}
            {codingId && (
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(null)} aria-label={`${t('citations.addTranslation')}: ${e.quote.slice(0, 60)}`}>
                {t('citations.addTranslation')}
              </Button>
            )}
          </Group>
        </div>
      </Group>
      {codingId && editing !== undefined && <TranslationEditor codingId={codingId} quote={e.quote} translation={editing} onClose={() => setEditing(undefined)} />}
    </li>
  );
}
