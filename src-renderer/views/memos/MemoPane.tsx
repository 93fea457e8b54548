import { Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../../api/useQuery';
import { MemoEditor } from './MemoEditor';
import { displayTitle, useMemoTitles } from './titles';

/** A memo, field note or report in a work-area tab, with room to write. */
export function MemoPane({ id }: { id: string }) {
  const { t } = useTranslation();
  const { arrived, result: memo } = useAnswer('memos.get', { id });
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
  return (
    <Stack p="md" maw={900} gap="sm">
      <Title order={3}>{displayTitle(memo) || t('memo.untitled')}</Title>
      <MemoEditor key={memo.id} memo={memo} inTab />
    </Stack>
  );
}
