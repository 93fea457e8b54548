import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../../api/useQuery';
import { usePseudonymizer } from '../pseudonyms/overlay';
import { PseudonymPreview } from '../pseudonyms/PseudonymPreview';
import { TextPseudonymSwitch } from '../pseudonyms/PseudonymSwitch';
import { MemoEditor } from './MemoEditor';
import { displayTitle, useMemoTitles } from './titles';

/** A memo, field note or report in a work-area tab, with room to write. */
export function MemoPane({ id }: { id: string }) {
  const { t } = useTranslation();
  const { arrived, result: memo } = useAnswer('memos.get', { id });
  const [pseudonyms, setPseudonyms] = useState(false);
  const overlay = usePseudonymizer(pseudonyms);
  useEffect(() => {
    if (memo) useMemoTitles.getState().note([memo]);
  }, [memo]);
  if (!arrived) return <Loader size="sm" m="md" />;
  if (!memo)
    return (
      <Text c="dimmed" p="md">
        {t('memo.none')}
      </Text>
    );
  const title = displayTitle(memo) || t('memo.untitled');
  const shownTitle = overlay ? overlay.apply(title) : title;
  return (
    <Stack p="md" maw={900} gap="sm">
      <Group justify="space-between" align="start" wrap="nowrap">
        <Title order={3}>{shownTitle}</Title>
        <TextPseudonymSwitch checked={pseudonyms} onChange={setPseudonyms} />
      </Group>
      {pseudonyms ? <PseudonymPreview text={memo.text} title={shownTitle} overlay={overlay} /> : <MemoEditor key={memo.id} memo={memo} inTab />}
    </Stack>
  );
}
