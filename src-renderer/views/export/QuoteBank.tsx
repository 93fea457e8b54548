import { useState } from 'react';
import { Autocomplete, Badge, Button, CloseButton, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAnswer } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';

/** Marks the selected excerpts (by their codings) as used in a draft: one undoable step. */
export function MarkUsedDialog({ codingIds, count, onClose, onDone }: { readonly codingIds: readonly string[]; readonly count: number; readonly onClose: () => void; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const drafts = useAnswer('quoteBank.drafts', {}).result ?? [];
  const [draft, setDraft] = useState('');
  const run = async (): Promise<void> => {
    const name = draft.trim();
    if (!name) return;
    await attempt(async () => {
      await call('quoteBank.mark', { draft: name, codingIds: [...codingIds] });
      useNotices.getState().push('info', t('export.marked', { count, draft: name }));
      onDone();
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('export.markTitle')}>
      <Autocomplete label={t('export.draft')} placeholder={t('export.draftPlaceholder')} data={drafts.map((d) => d.name)} value={draft} onChange={setDraft} data-autofocus onKeyDown={(e) => e.key === 'Enter' && void run()} />
      <Text size="sm" c="dimmed" mt="xs">
        {t('export.markHelp', { count })}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('export.cancel')}
        </Button>
        <Button disabled={!draft.trim()} onClick={() => void run()}>
          {t('export.markConfirm')}
        </Button>
      </Group>
    </Modal>
  );
}

/** The drafts an excerpt is quoted in, each with a button to take it out. */
export function QuoteUses({ drafts, codingIds }: { readonly drafts: readonly string[]; readonly codingIds: readonly string[] }) {
  const { t } = useTranslation();
  if (drafts.length === 0) return null;
  const unmark = (draft: string): void =>
    void attempt(async () => {
      await call('quoteBank.unmark', { draft, codingIds: [...codingIds] });
      useNotices.getState().push('info', t('export.unmarked', { draft }));
    });
  return (
    <>
      {drafts.map((draft) => (
        <Badge
          key={draft}
          size="xs"
          variant="light"
          color="teal"
          radius="sm"
          styles={{ root: { textTransform: 'none' } }}
          rightSection={<CloseButton size="xs" aria-label={t('export.unmark', { draft })} onClick={() => unmark(draft)} />}
        >
          {t('export.usedIn', { draft })}
        </Badge>
      ))}
    </>
  );
}
