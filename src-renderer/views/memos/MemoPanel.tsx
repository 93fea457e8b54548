import { useEffect, useState } from 'react';
import { Accordion, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Memo, MemoTarget } from '../../../src-shared/model/entities';
import { useQuery } from '../../api/useQuery';
import { attempt } from '../../stores/notices';
import { useData } from '../../stores/data';
import { createMemo } from './create';
import { usePseudonymizer } from '../pseudonyms/overlay';
import { PseudonymPreview } from '../pseudonyms/PseudonymPreview';
import { TextPseudonymSwitch } from '../pseudonyms/PseudonymSwitch';
import { MemoEditor } from './MemoEditor';
import { authorName, formatWhen } from './format';
import { displayTitle, useMemoTitles } from './titles';

interface Props {
  readonly targetType: MemoTarget;
  /** Null only for project memos. */
  readonly targetId: string | null;
}

/**
 * The memos of one project, document, code, case or coding: a list of titles, one open for writing
 * at a time. Place it wherever that thing is shown (inspector, code page, reader).
 *
 * @example
 * <MemoPanel targetType="code" targetId={code.id} />
 */
export function MemoPanel({ targetType, targetId }: Props) {
  const { t, i18n } = useTranslation();
  const members = useData((s) => s.members);
  const listed = useQuery('memos.list', targetId === null ? { targetType } : { targetType, targetId });
  // A memo just created is shown before the list catches up with it.
  const [created, setCreated] = useState<Memo | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [pseudonyms, setPseudonyms] = useState(false);
  const overlay = usePseudonymizer(pseudonyms);
  const memos = listed === null ? null : created && !listed.some((m) => m.id === created.id) ? [created, ...listed] : listed;

  useEffect(() => {
    if (listed) useMemoTitles.getState().note(listed);
  }, [listed]);

  const shown = (text: string): string => (overlay ? overlay.apply(text) : text);

  const add = (): Promise<unknown> =>
    attempt(async () => {
      const memo = await createMemo({ targetType, targetId });
      setCreated(memo);
      setOpen(memo.id);
    });

  return (
    <Stack gap={6} component="section" aria-label={t('memo.panel')} mt="md">
      <Group justify="space-between" gap={4}>
        <Title order={5}>{t('memo.panel')}</Title>
        <Group gap={8}>
          <TextPseudonymSwitch checked={pseudonyms} onChange={setPseudonyms} />
          <Button size="compact-xs" variant="default" onClick={() => void add()}>
            {t('memo.newMemo')}
          </Button>
        </Group>
      </Group>
      {memos?.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('memo.none')}
        </Text>
      )}
      <Accordion value={open} onChange={setOpen} variant="contained" chevronPosition="left">
        {(memos ?? []).map((memo) => (
          <Accordion.Item key={memo.id} value={memo.id}>
            <Accordion.Control>
              <Text size="sm" fw={500} lineClamp={1}>
                {shown(displayTitle(memo) || t('memo.untitled'))}
              </Text>
              <Text size="xs" c="dimmed">
                {t('memo.byline', { author: authorName(members, memo.authorId), date: formatWhen(memo.updatedAt, i18n.language) })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              {open === memo.id &&
                (pseudonyms ? (
                  <PseudonymPreview text={memo.text} title={shown(displayTitle(memo) || t('memo.untitled'))} overlay={overlay} />
                ) : (
                  <MemoEditor memo={memo} autoFocus={created?.id === memo.id} />
                ))}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
