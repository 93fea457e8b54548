import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Loader, Modal, Radio, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeakReport } from '../../../src-shared/contract/pseudonyms';
import type { InputOf, RetrievalQueryInput } from '../../../src-shared/contract';
import { EXTRACT_FORMATS, EXTRACT_GROUPINGS, EXTRACT_SORTS, TRANSLATION_CHOICES } from '../../../src-shared/model/extracts';
import type { ExtractFormat, ExtractGrouping, ExtractSort, TranslationChoice } from '../../../src-shared/model/extracts';
import { call } from '../../api/client';
import { useAnswer } from '../../api/useQuery';
import { formatNumber } from '../../i18n';
import { attempt, useNotices } from '../../stores/notices';
import { downloadBase64 } from '../../components/download';
import { LeakReportAlert } from './LeakReportAlert';
import './export.css';

interface ExportDialogProps {
  /** The query whose excerpts are exported. */
  readonly query: RetrievalQueryInput;
  /** How many excerpts the query finds. */
  readonly total: number;
  /** The codings of the selected excerpts, if any: then the user may export only those. */
  readonly selectedCodingIds: readonly string[];
  readonly selectedCount: number;
  readonly onClose: () => void;
}

const PREVIEW = 5;

/**
 * Export of coded excerpts: the format, headings, order and what each quote shows, a preview of
 * the first excerpts as they will be written, then the file (downloaded in the browser edition,
 * saved by the desktop's dialog).
 */
export function ExportDialog({ query, total, selectedCodingIds, selectedCount, onClose }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ExtractFormat>('docx');
  const [grouping, setGrouping] = useState<ExtractGrouping>('code');
  const [sort, setSort] = useState<ExtractSort>('document');
  const [which, setWhich] = useState<'all' | 'selected'>(selectedCount > 0 ? 'selected' : 'all');
  const [draft, setDraft] = useState<string | null>(null);
  const [context, setContext] = useState(false);
  const [coder, setCoder] = useState(true);
  const [memo, setMemo] = useState(true);
  const [translation, setTranslation] = useState<TranslationChoice>('original');
  const [translationLanguage, setTranslationLanguage] = useState('en');
  const [language, setLanguage] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en');
  const [busy, setBusy] = useState(false);
  const [allowLeaks, setAllowLeaks] = useState(false);
  const [leaks, setLeaks] = useState<LeakReport | null>(null);
  const drafts = useAnswer('quoteBank.drafts', {}).result ?? [];
  const tidy = format === 'csv' || format === 'xlsx';

  const input = useMemo((): InputOf<'export.preview'> => {
    const selection = draft ? { draft } : { query, ...(which === 'selected' && selectedCodingIds.length > 0 ? { codingIds: [...selectedCodingIds] } : {}) };
    return { ...selection, grouping, sort, context, coder, memo, translation, translationLanguage: translationLanguage.trim() || 'en', language };
  }, [draft, query, which, selectedCodingIds, grouping, sort, context, coder, memo, translation, translationLanguage, language]);
  const { arrived, result: preview } = useAnswer('export.preview', { ...input, limit: PREVIEW });

  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      await attempt(async () => {
        const file = await call('export.extracts', { ...input, format, allowLeaks });
        if (file.data !== null) downloadBase64(file.data, file.mimeType, file.fileName);
        useNotices.getState().push('info', t('export.exported', { count: file.items, file: file.fileName }));
        // Kept with real names in it (the user allowed it): the dialog stays open with the report.
        if (file.leaks && !file.leaks.clean) setLeaks(file.leaks);
        else onClose();
      });
    } finally {
      setBusy(false);
    }
  };

  const shown = preview?.groups.reduce((n, g) => n + g.excerpts.length, 0) ?? 0;
  return (
    <Modal opened onClose={onClose} title={t('export.title')} size="xl">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Stack gap="sm">
          <Select label={t('export.format')} data={EXTRACT_FORMATS.map((f) => ({ value: f, label: t(`export.formats.${f}`) }))} value={format} onChange={(v) => v && setFormat(v as ExtractFormat)} allowDeselect={false} data-autofocus />
          {drafts.length > 0 && (
            <Select
              label={t('export.which')}
              data={[{ value: '', label: t('export.exportDraftNone') }, ...drafts.map((d) => ({ value: d.name, label: `${t('export.exportDraft')}: ${d.name} (${formatNumber(d.quotes)})` }))]}
              value={draft ?? ''}
              onChange={(v) => setDraft(v ? v : null)}
              allowDeselect={false}
            />
          )}
          {!draft && selectedCount > 0 && (
            <Radio.Group label={drafts.length > 0 ? undefined : t('export.which')} aria-label={t('export.which')} value={which} onChange={(v) => setWhich(v as 'all' | 'selected')}>
              <Stack gap={4} mt={4}>
                <Radio value="selected" label={t('export.whichSelected', { count: selectedCount })} />
                <Radio value="all" label={t('export.whichAll', { count: total, formattedCount: formatNumber(total) })} />
              </Stack>
            </Radio.Group>
          )}
          <Select label={t('export.grouping')} data={EXTRACT_GROUPINGS.map((g) => ({ value: g, label: t(`export.groupings.${g}`) }))} value={grouping} onChange={(v) => v && setGrouping(v as ExtractGrouping)} allowDeselect={false} />
          <Select label={t('export.sort')} data={EXTRACT_SORTS.map((s) => ({ value: s, label: t(`export.sorts.${s}`) }))} value={sort} onChange={(v) => v && setSort(v as ExtractSort)} allowDeselect={false} />
          <Checkbox label={t('export.context')} checked={context} onChange={(e) => setContext(e.currentTarget.checked)} />
          <Checkbox label={t('export.coder')} checked={coder} onChange={(e) => setCoder(e.currentTarget.checked)} />
          <Checkbox label={t('export.memo')} checked={memo} onChange={(e) => setMemo(e.currentTarget.checked)} />
          <Radio.Group label={t('export.translation')} value={translation} onChange={(v) => setTranslation(v as TranslationChoice)}>
            <Group gap="md" mt={4}>
              {TRANSLATION_CHOICES.map((c) => (
                <Radio key={c} value={c} label={t(`export.translations.${c}`)} />
              ))}
            </Group>
          </Radio.Group>
          {translation !== 'original' && <TextInput label={t('export.translationLanguage')} value={translationLanguage} onChange={(e) => setTranslationLanguage(e.currentTarget.value)} w={140} />}
          <Select label={t('export.language')} data={(['en', 'ru'] as const).map((l) => ({ value: l, label: t(`export.languages.${l}`) }))} value={language} onChange={(v) => v && setLanguage(v as 'en' | 'ru')} allowDeselect={false} />
          {tidy && (
            <Text size="xs" c="dimmed">
              {t('export.tidyNote')}
            </Text>
          )}
        </Stack>
        <section aria-label={t('export.preview')}>
          <Title order={3} size="h6" mb={4}>
            {t('export.preview')}
          </Title>
          {!arrived || !preview ? (
            <Loader size="xs" />
          ) : preview.total === 0 ? (
            <Text size="sm" c="dimmed">
              {t('export.noExcerpts')}
            </Text>
          ) : (
            <>
              <Text size="xs" c="dimmed" role="status">
                {t('export.previewOf', { shown: formatNumber(shown), total: formatNumber(preview.total) })}
              </Text>
              <ScrollArea.Autosize mah={420} type="auto">
                {preview.groups.map((g, i) => (
                  <div key={i}>
                    {g.heading !== null && (
                      <Text fw={600} size="sm" mt="xs">
                        {g.heading}
                      </Text>
                    )}
                    {g.excerpts.map((e, j) => (
                      <figure key={j} className="export-preview-excerpt">
                        {context && e.contextBefore && (
                          <Text size="xs" c="dimmed">
                            …{e.contextBefore.slice(-120)}
                          </Text>
                        )}
                        <blockquote>
                          <Text size="sm">{translation !== 'original' && e.translations[translationLanguage] ? e.translations[translationLanguage] : e.text}</Text>
                        </blockquote>
                        <figcaption>
                          <Text size="xs" c="dimmed">
                            {e.citation}
                            {e.quoteId ? ` [${e.quoteId}]` : ''}
                            {coder && e.coder ? ` · ${e.coder}` : ''}
                          </Text>
                        </figcaption>
                      </figure>
                    ))}
                  </div>
                ))}
              </ScrollArea.Autosize>
            </>
          )}
        </section>
      </SimpleGrid>
      <Checkbox mt="md" label={t('export.allowLeaks')} description={t('export.allowLeaksNote')} checked={allowLeaks} onChange={(e) => setAllowLeaks(e.currentTarget.checked)} />
      {leaks && <LeakReportAlert report={leaks} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('export.cancel')}
        </Button>
        <Button onClick={() => void run()} loading={busy} disabled={!preview || preview.total === 0}>
          {t('export.download')}
        </Button>
      </Group>
    </Modal>
  );
}
