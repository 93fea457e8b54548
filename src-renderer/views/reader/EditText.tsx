import { useState } from 'react';
import { Button, Group, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../src-shared/model/entities';
import { call } from '../../api/client';
import { attempt, useNotices } from '../../stores/notices';

/**
 * Correcting a transcript: an explicit edit mode over the plain text. Saving makes a new revision;
 * the core carries every coding over, and flags those whose words changed.
 */
export function EditText({ detail, onDone }: { detail: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(detail.text);
  const save = () =>
    attempt(async () => {
      const result = await call('documents.revise', { id: detail.id, text });
      useNotices.getState().push('info', t('reader.revised', { moved: result.codings.moved + result.codings.intact, review: result.codings.needsReview }));
      onDone();
    });
  return (
    <div className="reader-edit">
      <Text size="xs" c="dimmed" mb={4}>
        {t('reader.editHint')}
      </Text>
      <Textarea aria-label={t('reader.editLabel', { title: detail.title })} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={20} maxRows={40} />
      <Group mt="xs">
        <Button onClick={() => void save()} disabled={text === detail.text}>
          {t('reader.saveText')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('welcome.cancel')}
        </Button>
      </Group>
    </div>
  );
}
