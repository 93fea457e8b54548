import { useEffect, useState } from 'react';
import { Badge, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { snapToWordBoundaries } from '../../../src-shared/text';
import { withWords } from '../../../src-shared/model/codings';
import { call } from '../../api/client';
import { isWhole, useDocument } from '../../api/useDocument';
import { useData } from '../../stores/data';
import { attempt } from '../../stores/notices';
import { removeCoding, resizeCoding } from './actions';
import { useReader } from './store';
import { MemoPanel } from '../memos/MemoPanel';

/** The next word boundary from `at` in direction `step`, for resizing by keyboard. */
function wordStep(text: string, at: number, step: 1 | -1): number {
  let i = at + step;
  while (i > 0 && i < text.length && !/\s/.test(text[i - 1]!) === !/\s/.test(text[i]!)) i += step;
  return Math.max(0, Math.min(text.length, i));
}

/** The selected coding: its code, words, coder; remove, recode, comment, resize by words. */
export function CodingInspector({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const { selectedCodingId, openPicker } = useReader();
  const loaded = useDocument(documentId);
  // Resizing works on the whole text: nothing is shown while only the opening part is here.
  const detail = loaded && isWhole(loaded) ? loaded : null;
  const { codes, members } = useData();
  const found = detail?.codings.find((c) => c.id === selectedCodingId);
  const coding = detail && found ? withWords(detail.text, found) : undefined;
  const [comment, setComment] = useState('');
  useEffect(() => setComment(coding?.comment ?? ''), [coding?.id, coding?.comment]);
  if (!detail || !coding) return null;
  const code = codes.find((c) => c.id === coding.codeId);
  const resize = (start: number, end: number) => {
    const snapped = snapToWordBoundaries(detail.text, start, end);
    if (snapped.start < snapped.end) void resizeCoding(coding.id, snapped.start, snapped.end);
  };
  return (
    <Stack gap={6} mb="md" aria-labelledby="coding-title">
      <Group gap={6}>
        <span className="swatch" style={{ background: code?.color }} aria-hidden />
        <Title order={4} id="coding-title">
          {code?.name}
        </Title>
        {coding.status === 'needs_review' && <Badge color="orange">{t('reader.needsReview')}</Badge>}
      </Group>
      <Text size="sm">
        <Text span c="dimmed">
          …{coding.contextBefore.slice(-40)}
        </Text>
        <mark>{coding.quote}</mark>
        <Text span c="dimmed">
          {coding.contextAfter.slice(0, 40)}…
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {members.find((m) => m.id === coding.coderId)?.name} · {new Date(coding.createdAt).toLocaleString()}
      </Text>
      <Group gap={4} role="group" aria-label={t('reader.resize')}>
        <Button size="compact-xs" variant="default" aria-label={t('reader.startEarlier')} onClick={() => resize(wordStep(detail.text, coding.start, -1), coding.end)}>
          ◀|
        </Button>
        <Button size="compact-xs" variant="default" aria-label={t('reader.startLater')} onClick={() => resize(wordStep(detail.text, coding.start, 1), coding.end)}>
          |▶
        </Button>
        <Button size="compact-xs" variant="default" aria-label={t('reader.endEarlier')} onClick={() => resize(coding.start, wordStep(detail.text, coding.end, -1))}>
          ◀|
        </Button>
        <Button size="compact-xs" variant="default" aria-label={t('reader.endLater')} onClick={() => resize(coding.start, wordStep(detail.text, coding.end, 1))}>
          |▶
        </Button>
      </Group>
      <Textarea label={t('reader.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
      <Group gap={4}>
        <Button size="compact-xs" variant="default" onClick={() => void attempt(() => call('codings.comment', { id: coding.id, comment: comment || null }))}>
          {t('reader.saveComment')}
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => openPicker({ kind: 'recode', codingId: coding.id })}>
          {t('reader.recode')} (R)
        </Button>
        <Button size="compact-xs" color="red" variant="light" onClick={() => void removeCoding(coding.id)}>
          {t('reader.remove')} (Del)
        </Button>
      </Group>
      <MemoPanel key={coding.id} targetType="coding" targetId={coding.id} />
    </Stack>
  );
}
