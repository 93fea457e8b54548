import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { authorName, formatWhen } from './format';

/** The inspector for a memo tab: what it is attached to, who wrote it and when. */
export function MemoDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { members, documents, codes, cases } = useData();
  const open = useUi((s) => s.open);
  const memo = useQuery('memos.list', {})?.find((m) => m.id === id);
  if (!memo) return null;
  const targetName =
    memo.targetType === 'document'
      ? documents.find((d) => d.id === memo.targetId)?.title
      : memo.targetType === 'code'
        ? codes.find((c) => c.id === memo.targetId)?.name
        : memo.targetType === 'case'
          ? cases.find((c) => c.id === memo.targetId)?.name
          : undefined;
  const kind = memo.targetType;
  const canOpen = (kind === 'document' || kind === 'code' || kind === 'case') && memo.targetId !== null;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('memo.attachedTo')}
      </Text>
      <Text size="sm">
        {t(`memo.targets.${kind}`)}
        {targetName && ': '}
        {targetName && canOpen ? (
          <Text component="a" href="#" size="sm" c="indigo" onClick={(e) => (e.preventDefault(), open({ kind, id: memo.targetId! }))}>
            {targetName}
          </Text>
        ) : (
          targetName
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {t('memo.byline', { author: authorName(members, memo.authorId), date: formatWhen(memo.updatedAt, i18n.language) })}
      </Text>
    </Stack>
  );
}
