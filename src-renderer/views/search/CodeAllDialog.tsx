import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { attempt, useNotices } from '../../stores/notices';
import { CodePicker } from '../codebook/CodePicker';
import type { Submitted } from './store';

interface CodeAllDialogProps {
  readonly submitted: Submitted;
  /** Hits in documents (memos are not coded), as the search counted them. */
  readonly hits: number;
  readonly exact: boolean;
  readonly onClose: () => void;
}

/** Codes every document hit of a search with one code, after saying how many: one undoable operation. */
export function CodeAllDialog({ submitted, hits, exact, onClose }: CodeAllDialogProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const [codeId, setCodeId] = useState<string | null>(null);
  const [extent, setExtent] = useState<'match' | 'segment'>('match');
  const [busy, setBusy] = useState(false);
  const code = codes.find((c) => c.id === codeId);
  const matches = t('search.matches', { count: hits });

  const apply = async () => {
    if (!code) return;
    setBusy(true);
    const result = await attempt(() => call('search.codeHits', { ...submitted, codeId: code.id, extent }));
    setBusy(false);
    if (!result) return;
    useNotices.getState().push('info', t('search.coded', { count: result.created, code: code.name }));
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('search.codeTitle')} size="md">
      <Stack gap="sm">
        <CodePicker label={t('search.code')} value={codeId} onChange={setCodeId} autoFocus />
        <div>
          <Text size="sm" mb={4}>
            {t('search.extent')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={t('search.extent')}
            value={extent}
            onChange={(value) => setExtent(value as 'match' | 'segment')}
            data={[
              { value: 'match', label: t('search.extentMatch') },
              { value: 'segment', label: t('search.extentSegment') },
            ]}
          />
        </div>
        {code && (
          <Text size="sm" role="status">
            {t('search.confirm', { hits: exact ? matches : t('search.about', { what: matches }), code: code.name })}
          </Text>
        )}
        {submitted.scope !== 'documents' && (
          <Text size="xs" c="dimmed">
            {t('search.memosLeftOut')}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('search.cancel')}
          </Button>
          <Button onClick={() => void apply()} disabled={!code} loading={busy}>
            {t('search.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
