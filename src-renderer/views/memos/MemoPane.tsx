import { Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { MemoEditor } from './MemoEditor';
import { displayTitle, useMemoTitles } from './titles';

/**
 * A memo, field note or report in a work-area tab, with room to write. The contract has no
 * `memos.get`; the full list is small next to codings and comes from the core's index.
 */
export function MemoPane({ id }: { id: string }) {
  const { t } = useTranslation();
  const memos = useQuery('memos.list', {});
  const memo = memos?.find((m) => m.id === id);
  useEffect(() => {
    if (memo) useMemoTitles.getState().note([memo]);
  }, [memo]);
  if (memos === null) return <Loader size="sm" m="md" />;
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
