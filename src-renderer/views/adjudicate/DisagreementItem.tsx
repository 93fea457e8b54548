import { useState } from 'react';
import { Badge, Button, Group, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdjudicationDecision, Disagreement } from '../../../src-shared/contract/disagreements';
import type { Code, Coding, Member } from '../../../src-shared/model/entities';
import { shortContext } from '../retrieve/model';

/** The keys that decide the focused disagreement (by key position, so they work in any keyboard layout). */
export const DECISION_KEYS: Readonly<Record<string, AdjudicationDecision | 'note-open' | 'open'>> = {
  KeyA: 'accept-a',
  KeyB: 'accept-b',
  KeyH: 'both',
  KeyN: 'neither',
  KeyM: 'note-open',
  KeyO: 'open',
};

/** One coder's side: their code and their passage in its context, or that they left it uncoded. */
function Side({ side, coder, coding, codes }: { side: 'A' | 'B'; coder: Member | undefined; coding: Coding | null; codes: ReadonlyMap<string, Code> }) {
  const { t } = useTranslation();
  const code = coding ? codes.get(coding.codeId) : undefined;
  return (
    <section className="adj-side" style={{ borderTopColor: coder?.color ?? '#888' }} aria-label={t('adjudicate.side', { side, name: coder?.name ?? '?' })}>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" fw={700}>
          {side} · {coder?.name ?? '?'}
        </Text>
        {code && (
          <Badge size="sm" variant="light" style={{ borderLeft: `4px solid ${code.color}` }}>
            {code.name}
          </Badge>
        )}
      </Group>
      {coding ? (
        <p>
          <span className="context">{shortContext(coding.contextBefore, 'before')}</span>
          <mark style={{ background: `${code?.color ?? '#888888'}33` }}>{coding.quote}</mark>
          <span className="context">{shortContext(coding.contextAfter, 'after')}</span>
        </p>
      ) : (
        <Text size="sm" c="dimmed" fs="italic" mt={4}>
          {t('adjudicate.uncoded')}
        </Text>
      )}
    </section>
  );
}

interface ItemProps {
  readonly item: Disagreement;
  readonly index: number;
  readonly a: Member | undefined;
  readonly b: Member | undefined;
  readonly codes: ReadonlyMap<string, Code>;
  readonly noting: boolean;
  readonly onNoting: (open: boolean) => void;
  readonly onDecide: (decision: AdjudicationDecision, note?: string) => void;
  readonly onOpen: () => void;
}

/** A disagreement: A's passage beside B's, and the decisions on it. */
export function DisagreementItem({ item, index, a, b, codes, noting, onNoting, onDecide, onOpen }: ItemProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const headingId = `adj-item-${index}`;
  return (
    <li data-index={index}>
      <article className="adj-item" tabIndex={0} aria-labelledby={headingId} data-kind={item.kind}>
        <Group gap={8} wrap="nowrap" id={headingId}>
          <Badge size="sm" color={item.kind === 'boundaries' ? 'yellow' : item.kind === 'codes' ? 'red' : 'gray'}>
            {t(`adjudicate.kinds.${item.kind}`)}
          </Badge>
          <Text size="sm" fw={600} truncate>
            {item.documentTitle}
          </Text>
        </Group>
        <div className="adj-sides">
          <Side side="A" coder={a} coding={item.a} codes={codes} />
          <Side side="B" coder={b} coding={item.b} codes={codes} />
        </div>
        <Group gap={6} role="group" aria-label={t('adjudicate.decisions')}>
          <Button size="compact-xs" aria-keyshortcuts="A" onClick={() => onDecide('accept-a')}>
            {t('adjudicate.acceptA', { name: a?.name ?? 'A' })}
          </Button>
          <Button size="compact-xs" aria-keyshortcuts="B" onClick={() => onDecide('accept-b')}>
            {t('adjudicate.acceptB', { name: b?.name ?? 'B' })}
          </Button>
          <Button size="compact-xs" variant="default" aria-keyshortcuts="H" onClick={() => onDecide('both')}>
            {t('adjudicate.both')}
          </Button>
          <Button size="compact-xs" variant="default" aria-keyshortcuts="N" onClick={() => onDecide('neither')}>
            {t('adjudicate.neither')}
          </Button>
          <Button size="compact-xs" variant="default" aria-keyshortcuts="M" aria-expanded={noting} onClick={() => onNoting(!noting)}>
            {t('adjudicate.note')}
          </Button>
          <Button size="compact-xs" variant="subtle" aria-keyshortcuts="O" ml="auto" onClick={onOpen}>
            {t('adjudicate.open')}
          </Button>
        </Group>
        {noting && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (note.trim()) onDecide('note', note.trim());
            }}
          >
            <Textarea
              mt={6}
              size="xs"
              autosize
              minRows={2}
              autoFocus
              label={t('adjudicate.noteLabel')}
              description={t('adjudicate.noteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') onNoting(false);
              }}
            />
            <Group gap={6} mt={4}>
              <Button size="compact-xs" type="submit" disabled={!note.trim()}>
                {t('adjudicate.saveNote')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => onNoting(false)}>
                {t('adjudicate.cancel')}
              </Button>
            </Group>
          </form>
        )}
      </article>
    </li>
  );
}
