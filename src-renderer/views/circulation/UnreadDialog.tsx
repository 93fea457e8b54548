import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnreadItem } from '../../../src-shared/contract/circulation';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { useUi } from '../../stores/ui';
import { formatWhen } from '../memos/format';
import { markRead } from './unread';

/** How many of the newest unread items the list shows. */
const SHOWN = 100;

function ItemRow({ item, onOpened }: { item: UnreadItem; onOpened: () => void }) {
  const { t, i18n } = useTranslation();
  const open = useUi((s) => s.open);
  const label = item.kind === 'coding' ? (item.quote ?? '') : item.documentTitle;
  const read = () => attempt(() => markRead(item.kind === 'coding' ? { kind: 'coding', id: item.id } : { kind: 'document', id: item.id }));
  return (
    <li style={{ listStyle: 'none' }}>
      <Stack gap={2}>
        <Text size="sm" fw={item.kind === 'document' ? 600 : undefined}>
          {item.kind === 'coding' ? `«${label}»` : `${t('circulation.newDocument')}: ${label}`}
        </Text>
        <Text size="xs" c="dimmed">
          {[item.kind === 'coding' ? `${item.codeName ?? ''} · ${item.documentTitle}` : null, t('circulation.by', { name: item.personName, team: item.team ?? '—', when: formatWhen(item.createdAt, i18n.language) })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap={6}>
          <Button
            size="compact-xs"
            variant="light"
            aria-label={t('circulation.openItem', { label })}
            onClick={() => {
              void read();
              open({ kind: 'document', id: item.documentId });
              onOpened();
            }}
          >
            {t('circulation.open')}
          </Button>
          <Button size="compact-xs" variant="default" aria-label={t('circulation.markItemRead', { label })} onClick={() => void read()}>
            {t('circulation.markRead')}
          </Button>
        </Group>
      </Stack>
    </li>
  );
}

/** "New from other teams": the newest unread documents and excerpts, to open or mark read. */
export function UnreadDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const unread = useQuery('circulation.unread', { limit: SHOWN });
  const total = unread ? unread.documents + unread.codings : 0;
  const markAll = () =>
    attempt(async () => {
      const marked = await markRead({ kind: 'all' });
      useNotices.getState().push('info', t('circulation.markedRead', { count: marked }));
    });
  return (
    <Modal opened onClose={onClose} title={t('circulation.newFromOthers')} size="lg">
      {unread && (
        <Stack gap="sm">
          <Text size="sm">
            {total === 0
              ? t('circulation.nothingNew')
              : t(unread.team ? 'circulation.summary' : 'circulation.summaryNoTeam', {
                  team: unread.team,
                  documents: t('circulation.documents', { count: unread.documents }),
                  codings: t('circulation.codings', { count: unread.codings }),
                })}
          </Text>
          {unread.items.length < total && (
            <Text size="xs" c="dimmed">
              {t('circulation.shownOf', { shown: unread.items.length, total })}
            </Text>
          )}
          <Stack gap="xs" component="ul" aria-label={t('circulation.newFromOthers')} p={0} m={0}>
            {unread.items.map((item) => (
              <ItemRow key={`${item.kind}:${item.id}`} item={item} onOpened={onClose} />
            ))}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('circulation.close')}
            </Button>
            <Button disabled={total === 0} onClick={() => void markAll()}>
              {t('circulation.markAllRead')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
