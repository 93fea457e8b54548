import { useState } from 'react';
import { Badge, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CitationTemplateEntry } from '../../../src-shared/contract';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { call } from '../../api/client';
import { useAnswer, useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';

/** One template being edited, with its citation on a real passage of the project as it is typed. */
function TemplateEditor({ entry }: { readonly entry: CitationTemplateEntry }) {
  const { t } = useTranslation();
  const [text, setText] = useState(entry.template);
  const [typed] = useDebouncedValue(text, 200);
  const { result: preview } = useAnswer('citations.preview', { kind: entry.kind, language: entry.language, template: typed });
  const error = typed === text ? (preview?.error ?? null) : null;
  const label = t('citations.template', { kind: t(`kinds.${entry.kind}`), language: t(`citations.languages.${entry.language}`) });
  const save = async (): Promise<void> => {
    const done = await attempt(() => call('citations.setTemplate', { kind: entry.kind, language: entry.language, template: text }));
    if (done) useNotices.getState().push('info', t('citations.saved'));
  };
  return (
    <div className="citation-template-row">
      <Group gap={6} align="end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={label}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
          ff="monospace"
          rightSection={
            <Badge size="xs" variant="light" color={entry.isDefault ? 'gray' : 'blue'}>
              {entry.isDefault ? t('citations.isDefault') : t('citations.isOwn')}
            </Badge>
          }
          rightSectionWidth={90}
        />
        <Button variant="default" disabled={text === entry.template || error !== null} onClick={() => void save()} aria-label={`${t('citations.save')}: ${label}`}>
          {t('citations.save')}
        </Button>
        <Button variant="subtle" disabled={entry.isDefault} onClick={() => void attempt(() => call('citations.resetTemplate', { kind: entry.kind, language: entry.language }))} aria-label={`${t('citations.reset')}: ${label}`}>
          {t('citations.reset')}
        </Button>
      </Group>
      {preview?.citation && (
        <Text size="sm" mt={4} role="status" aria-label={`${t('citations.preview')}: ${label}`}>
          <Text span c="dimmed" inherit>
            {t('citations.preview')}:{' '}
          </Text>
          {preview.citation}
        </Text>
      )}
      {preview && !preview.error && (
        <Text size="xs" c="dimmed">
          {preview.excerpt ? t('citations.previewOn', { quote: preview.excerpt.quote.length > 80 ? `${preview.excerpt.quote.slice(0, 80)}…` : preview.excerpt.quote, title: preview.excerpt.documentTitle }) : t('citations.previewSample')}
        </Text>
      )}
    </div>
  );
}

/** The project's citation templates, a kind at a time in both languages, each with a live preview. */
export function CitationTemplatesDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const templates = useQuery('citations.templates', {});
  const [kind, setKind] = useState<DocumentKind>('interview');
  const shown = (templates ?? []).filter((e) => e.kind === kind);
  const changed = new Set((templates ?? []).filter((e) => !e.isDefault).map((e) => e.kind));
  return (
    <Modal opened onClose={onClose} title={t('citations.templatesTitle')} size="xl">
      <Text size="sm" c="dimmed" mb="sm">
        {t('citations.templatesHelp')}
      </Text>
      <NativeSelect
        label={t('citations.kind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}
        data={DOCUMENT_KINDS.map((k) => ({ value: k, label: `${t(`kinds.${k}`)}${changed.has(k) ? ` (${t('citations.isOwn')})` : ''}` }))}
        maw={320}
      />
      <Stack gap={0} mt="xs">
        {shown.map((entry) => (
          <TemplateEditor key={`${entry.kind}.${entry.language}.${entry.template}`} entry={entry} />
        ))}
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('citations.close')}
        </Button>
      </Group>
    </Modal>
  );
}
