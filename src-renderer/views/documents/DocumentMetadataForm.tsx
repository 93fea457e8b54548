import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Badge, Button, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import type { AttributeValue, DocumentKind } from '../../../src-shared/model/entities';
import { AttributeField } from '../../components/AttributeField';
import { useCaseOptions } from '../../components/useCaseOptions';
import { useDocument } from '../../api/useDocument';
import { formatFuzzyDate, parseFuzzyDate, typedFuzzyDate } from '../../../src-shared/model/dates';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { attempt, useNotices } from '../../stores/notices';
import { OriginalFile } from '../import/OriginalFile';

const LANGUAGES = [
  { value: 'ru', label: 'Русский (ru)' },
  { value: 'en', label: 'English (en)' },
];


/** A document's details: kind, date at its precision, language, interviewers and linked cases. */
export function DocumentMetadataForm({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { documents, members, attributes } = useData();
  const document = documents.find((d) => d.id === id);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('other');
  const [language, setLanguage] = useState('ru');
  const [date, setDate] = useState('');
  const [interviewers, setInterviewers] = useState<string[]>([]);
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [values, setValues] = useState<Record<string, AttributeValue | null>>({});
  const [quoteKey, setQuoteKey] = useState('');
  const detail = useDocument(id);
  const documentAttributes = attributes.filter((a) => a.target === 'document');

  useEffect(() => {
    if (!document) return;
    setTitle(document.title);
    setKind(document.kind);
    setLanguage(document.language);
    setDate(typedFuzzyDate(document.date));
    setInterviewers([...document.interviewerIds]);
    setCaseIds([...document.caseIds]);
    setQuoteKey(document.quoteKey ?? '');
  }, [document]);

  useEffect(() => {
    if (detail) setValues({ ...detail.attributes });
  }, [detail]);

  const caseOptions = useCaseOptions();

  if (!document) return null;
  const parsed = date.trim() === '' ? null : parseFuzzyDate(date);
  const dateError = date.trim() !== '' && !parsed;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const attributeValues = Object.fromEntries(documentAttributes.map((a) => [a.id, values[a.id] ?? null]));
      const key = quoteKey.trim();
      await call('documents.update', {
        id,
        title,
        kind,
        language,
        date: parsed,
        interviewerIds: interviewers,
        caseIds,
        attributes: attributeValues,
        ...(key !== '' && key !== document.quoteKey ? { quoteKey: key } : {}),
      });
      useNotices.getState().push('info', t('document.saved'));
    });
  };

  return (
    <form onSubmit={save} aria-labelledby="doc-meta-title">
      <Stack gap="xs">
        <Title order={4} id="doc-meta-title">
          {t('document.metadata')}
        </Title>
        <TextInput label={t('document.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <Select label={t('document.kind')} value={kind} onChange={(v) => v && setKind(v as DocumentKind)} data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} allowDeselect={false} />
        <Select label={t('document.language')} value={language} onChange={(v) => v && setLanguage(v)} data={LANGUAGES} allowDeselect={false} />
        <TextInput
          label={t('document.date')}
          description={t('document.dateHint')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={dateError ? t('document.dateHint') : undefined}
          rightSectionWidth={90}
          rightSection={parsed ? <Badge size="xs" variant="light">{t(`precision.${parsed.precision}`)}</Badge> : null}
        />
        {parsed && (
          <Text size="xs" c="dimmed" aria-live="polite">
            {formatFuzzyDate(parsed, i18n.language === 'ru' ? 'ru' : 'en')}
          </Text>
        )}
        <MultiSelect label={t('document.interviewers')} value={interviewers} onChange={setInterviewers} data={members.map((m) => ({ value: m.id, label: m.name }))} searchable />
        <MultiSelect label={t('document.cases')} value={caseIds} onChange={setCaseIds} data={caseOptions} searchable />
        {documentAttributes.map((a) => (
          <AttributeField key={a.id} attribute={a} value={values[a.id] ?? null} onChange={(v) => setValues({ ...values, [a.id]: v })} />
        ))}
        <TextInput label={t('document.quoteKey')} description={t('document.quoteKeyHint')} value={quoteKey} onChange={(e) => setQuoteKey(e.currentTarget.value)} ff="monospace" />
        {document.sourceFileName && <TextInput label={t('document.sourceFile')} value={document.sourceFileName} readOnly />}
        {document.sourceFileName && <OriginalFile documentId={id} />}
        <Button type="submit" disabled={dateError}>
          {t('document.save')}
        </Button>
      </Stack>
    </form>
  );
}
