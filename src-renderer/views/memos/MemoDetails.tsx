import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import { call } from '../../api/client';
import { attempt, useNotices } from '../../stores/notices';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import type { DocumentKind, Memo } from '../../../src-shared/model/entities';
import { authorName, formatWhen } from './format';

/** The inspector for a memo tab: what it is attached to, who wrote it and when. */
export function MemoDetails({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { members, documents, codes, cases } = useData();
  const open = useUi((s) => s.open);
  const memo = useQuery('memos.get', { id });
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
      <MakeDocument memo={memo} />
    </Stack>
  );
}

/** The kind a note most likely is, from the template it was written with. */
function guessKind(memo: Memo): DocumentKind {
  return /quarterly|квартальн/i.test(memo.title + memo.text.slice(0, 200)) ? 'enterprise_report' : 'field_note';
}

/**
 * A field note or report written here becomes a document to code: its text the first revision,
 * its "Date:"/"Enterprise:" lines the metadata. The memo tab gives way to the document's.
 */
function MakeDocument({ memo }: { memo: Memo }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>(() => guessKind(memo));
  const make = (): Promise<unknown> =>
    attempt(async () => {
      const document = await call('memos.toDocument', { id: memo.id, kind });
      const ui = useUi.getState();
      ui.close(targetKey({ kind: 'memo', id: memo.id }));
      ui.open({ kind: 'document', id: document.id });
      useNotices.getState().push('info', t('memo.madeDocument', { title: document.title }));
    });
  return (
    <Stack gap={4} mt="sm">
      <Text size="xs" c="dimmed">
        {t('memo.toDocumentHint')}
      </Text>
      <Group gap={4} align="end">
        <NativeSelect
          size="xs"
          label={t('memo.documentKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Button size="xs" variant="light" disabled={memo.text.trim() === ''} onClick={() => void make()}>
          {t('memo.toDocument')}
        </Button>
      </Group>
    </Stack>
  );
}
