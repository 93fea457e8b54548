import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Select, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { AttributeField } from '../../components/AttributeField';
import { useTranslation } from 'react-i18next';
import type { AttributeValue } from '../../../src-shared/model/entities';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import { attempt, useNotices } from '../../stores/notices';

interface Fields {
  name: string;
  typeId: string | null;
  parentId: string | null;
  aliases: string[];
  description: string;
  attributes: Record<string, AttributeValue | null>;
}

/** A case: its type, place in the case tree, other spellings and typed attributes; or a new case. */
export function CaseEditor({ id, parentId }: { id: string | null; parentId: string | null }) {
  const { t } = useTranslation();
  const { cases, caseTypes, attributes } = useData();
  const existing = id ? cases.find((c) => c.id === id) : undefined;
  const [fields, setFields] = useState<Fields>({ name: '', typeId: caseTypes[0]?.id ?? null, parentId, aliases: [], description: '', attributes: {} });
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (existing) set({ name: existing.name, typeId: existing.typeId, parentId: existing.parentId, aliases: [...existing.aliases], description: existing.description, attributes: { ...existing.attributes } });
  }, [existing]);

  const relevant = attributes.filter((a) => a.target === 'case' && (a.caseTypeId === null || a.caseTypeId === fields.typeId));

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!fields.typeId) return;
    const typeId = fields.typeId;
    const values = Object.fromEntries(relevant.map((a) => [a.id, fields.attributes[a.id] ?? null]));
    void attempt(async () => {
      if (existing) {
        await call('cases.update', { id: existing.id, name: fields.name, typeId, parentId: fields.parentId, aliases: fields.aliases, description: fields.description, attributes: values });
      } else {
        const setValues = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, AttributeValue] => entry[1] !== null));
        const created = await call('cases.create', { name: fields.name, typeId, parentId: fields.parentId, aliases: fields.aliases, description: fields.description, attributes: setValues });
        const ui = useUi.getState();
        ui.close(targetKey({ kind: 'new-case', parentId }));
        ui.open({ kind: 'case', id: created.id });
      }
      useNotices.getState().push('info', t('document.saved'));
    });
  };

  return (
    <form onSubmit={save} style={{ padding: 16, maxWidth: 640 }} aria-labelledby="case-editor-title">
      <Stack gap="xs">
        <Title order={3} id="case-editor-title">
          {existing ? existing.name : t('cases.newCase')}
        </Title>
        <TextInput label={t('cases.name')} value={fields.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
        <Select label={t('cases.type')} value={fields.typeId} onChange={(v) => set({ typeId: v })} data={caseTypes.map((c) => ({ value: c.id, label: c.name }))} allowDeselect={false} required />
        <Select
          label={t('cases.parent')}
          placeholder={t('cases.none')}
          value={fields.parentId}
          onChange={(v) => set({ parentId: v })}
          data={cases.filter((c) => c.id !== id).map((c) => ({ value: c.id, label: c.name }))}
          clearable
          searchable
        />
        <TagsInput label={t('cases.aliases')} description={t('cases.aliasesHint')} value={fields.aliases} onChange={(aliases) => set({ aliases })} />
        <Textarea label={t('cases.description')} value={fields.description} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} />
        {relevant.length > 0 && (
          <Title order={5} mt="sm">
            {t('cases.attributes')}
          </Title>
        )}
        {relevant.map((a) => (
          <AttributeField key={a.id} attribute={a} value={fields.attributes[a.id] ?? null} onChange={(v) => set({ attributes: { ...fields.attributes, [a.id]: v } })} />
        ))}
        <Button type="submit" mt="sm">
          {existing ? t('cases.save') : t('cases.create')}
        </Button>
      </Stack>
    </form>
  );
}
