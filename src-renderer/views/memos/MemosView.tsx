import { useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEMO_TARGETS } from '../../../src-shared/model/entities';
import type { MemoTarget } from '../../../src-shared/model/entities';
import { useQuery } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { attempt } from '../../stores/notices';
import { createMemo, newFieldNote, newQuarterlyReport } from './create';
import { filterMemos } from './filter';
import { authorName, formatWhen } from './format';
import { displayTitle } from './titles';

/** Every memo of the project, filterable by what it is attached to and by author (navigator tab). */
export function MemosView() {
  const { t, i18n } = useTranslation();
  const members = useData((s) => s.members);
  const open = useUi((s) => s.open);
  const all = useQuery('memos.list', {});
  const [targetType, setTargetType] = useState<MemoTarget | null>(null);
  const [authorId, setAuthorId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const memos = useMemo(() => filterMemos(all ?? [], { targetType, authorId, text }), [all, targetType, authorId, text]);
  const authors = useMemo(() => [...new Set((all ?? []).map((m) => m.authorId))].map((id) => ({ value: id, label: authorName(members, id) })), [all, members]);

  const newMemo = (): Promise<unknown> =>
    attempt(async () => open({ kind: 'memo', id: (await createMemo({ targetType: 'project', targetId: null })).id }));

  return (
    <>
      <Stack gap={4} className="pane-header">
        <Group gap={4}>
          <Button size="compact-xs" variant="default" onClick={() => void newMemo()}>
            {t('memo.newMemo')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => void newFieldNote()}>
            {t('memo.commands.newFieldNote')}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => void newQuarterlyReport()}>
            {t('memo.commands.newReport')}
          </Button>
        </Group>
        <TextInput size="xs" placeholder={t('memo.list.search')} aria-label={t('memo.list.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Group gap={4} grow>
          <Select
            size="xs"
            label={t('memo.list.target')}
            placeholder={t('memo.list.any')}
            clearable
            data={MEMO_TARGETS.map((type) => ({ value: type, label: t(`memo.targets.${type}`) }))}
            value={targetType}
            onChange={(v) => setTargetType(v as MemoTarget | null)}
          />
          <Select size="xs" label={t('memo.list.author')} placeholder={t('memo.list.any')} clearable data={authors} value={authorId} onChange={setAuthorId} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('memo.count', { count: memos.length })}
        </Text>
      </Stack>
      <div className="pane-scroll">
        <ul aria-label={t('memo.list.heading')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {memos.map((memo) => (
            <li key={memo.id}>
              <UnstyledButton onClick={() => open({ kind: 'memo', id: memo.id })} p="6px 10px" w="100%">
                <Text size="sm" lineClamp={1}>
                  {displayTitle(memo) || t('memo.untitled')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`memo.targets.${memo.targetType}`)} · {t('memo.byline', { author: authorName(members, memo.authorId), date: formatWhen(memo.updatedAt, i18n.language) })}
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </ul>
        {all !== null && memos.length === 0 && (
          <Text size="xs" c="dimmed" p="sm">
            {t('memo.list.empty')}
          </Text>
        )}
      </div>
    </>
  );
}
