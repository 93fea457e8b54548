import { useState } from 'react';
import { Badge, Button, Group, Modal, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExcerptTranslation, TranslationStatus } from '../../../src-shared/contract';
import { TRANSLATION_STATUSES } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { attempt } from '../../stores/notices';

const STATUS_COLORS: Readonly<Record<TranslationStatus, string>> = { draft: 'gray', checked: 'blue', final: 'green' };

/** An excerpt's translations, shown beside its original words. */
export function TranslationList({ translations, onEdit }: { readonly translations: readonly ExcerptTranslation[]; readonly onEdit: (t: ExcerptTranslation) => void }) {
  const { t } = useTranslation();
  return (
    <div className="retrieve-translations" aria-label={t('citations.translations')} role="group">
      {translations.map((tr) => (
        <figure key={tr.id} className="retrieve-translation" lang={tr.language} aria-label={t('citations.translation', { language: tr.language })}>
          <Group gap={6} wrap="wrap">
            <Badge size="xs" variant="outline" radius="sm">
              {tr.language}
            </Badge>
            <Badge size="xs" variant="light" color={STATUS_COLORS[tr.status]} radius="sm">
              {t(`citations.statuses.${tr.status}`)}
            </Badge>
            {tr.translator && (
              <Text size="xs" c="dimmed">
                {t('citations.by', { name: tr.translator })}
                {tr.date ? `, ${tr.date}` : ''}
              </Text>
            )}
            <Button size="compact-xs" variant="subtle" onClick={() => onEdit(tr)} aria-label={t('citations.editTranslation', { language: tr.language })}>
              ✎
            </Button>
          </Group>
          <Text size="sm" mt={2} component="blockquote" className="retrieve-quote">
            {tr.text}
          </Text>
        </figure>
      ))}
    </div>
  );
}

interface EditorProps {
  readonly codingId: string;
  readonly quote: string;
  /** The translation to edit; null adds one. */
  readonly translation: ExcerptTranslation | null;
  readonly onClose: () => void;
}

/** Adds or edits one translation of an excerpt: one undoable step. */
export function TranslationEditor({ codingId, quote, translation, onClose }: EditorProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState(translation?.language ?? 'en');
  const [text, setText] = useState(translation?.text ?? '');
  const [translator, setTranslator] = useState(translation?.translator ?? '');
  const [date, setDate] = useState(translation?.date ?? '');
  const [status, setStatus] = useState<TranslationStatus>(translation?.status ?? 'draft');
  const save = async (): Promise<void> => {
    const done = await attempt(async () => {
      await call('translations.set', { codingId, language, text, translator: translator.trim() || null, date: date || null, status });
      return true;
    });
    if (done) onClose();
  };
  const remove = async (): Promise<void> => {
    if (!translation) return;
    const done = await attempt(async () => {
      await call('translations.remove', { codingId, language: translation.language });
      return true;
    });
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('citations.translationTitle')} size="lg">
      <Text size="xs" c="dimmed">
        {t('citations.original')}
      </Text>
      <Text size="sm" component="blockquote" className="retrieve-quote" mb="sm">
        {quote}
      </Text>
      <TextInput label={t('citations.translationLanguage')} value={language} onChange={(e) => setLanguage(e.currentTarget.value)} disabled={translation !== null} maw={200} />
      <Textarea label={t('citations.translationText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} mt="xs" data-autofocus />
      <Group grow mt="xs" align="start">
        <TextInput label={t('citations.translator')} value={translator} onChange={(e) => setTranslator(e.currentTarget.value)} />
        <TextInput type="date" label={t('citations.translationDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <NativeSelect
          label={t('citations.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as TranslationStatus)}
          data={TRANSLATION_STATUSES.map((s) => ({ value: s, label: t(`citations.statuses.${s}`) }))}
        />
      </Group>
      <Group justify="space-between" mt="md">
        {translation ? (
          <Button variant="subtle" color="red" onClick={() => void remove()}>
            {t('citations.removeTranslation')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('citations.cancel')}
          </Button>
          <Button disabled={text.trim() === '' || language.trim() === ''} onClick={() => void save()}>
            {t('citations.saveTranslation')}
          </Button>
        </Group>
      </Group>
    </Modal>
  );
}
