import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, ColorInput, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import { attempt, useNotices } from '../../stores/notices';

interface Fields {
  name: string;
  color: string;
  parentId: string | null;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

/** A code's name, colour, place in the tree, definition and criteria; or a new code. */
export function CodeEditor({ id, parentId }: { id: string | null; parentId: string | null }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const code = id ? codes.find((c) => c.id === id) : undefined;
  const [fields, setFields] = useState<Fields>({ name: '', color: '#4363d8', parentId, definition: '', inclusion: '', exclusion: '', example: '' });
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));

  useEffect(() => {
    if (code) setFields({ name: code.name, color: code.color, parentId: code.parentId, definition: code.definition, inclusion: code.inclusion, exclusion: code.exclusion, example: code.example });
  }, [code]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const { parentId: parent, ...text } = fields;
      if (code) {
        await call('codes.update', { id: code.id, ...text });
        if (parent !== code.parentId) await call('codes.move', { id: code.id, parentId: parent });
      } else {
        const created = await call('codes.create', { ...text, parentId: parent });
        const ui = useUi.getState();
        ui.close(targetKey({ kind: 'new-code', parentId }));
        ui.open({ kind: 'code', id: created.id });
      }
      useNotices.getState().push('info', t('document.saved'));
    });
  };

  const parents = codes.filter((c) => c.id !== id).map((c) => ({ value: c.id, label: c.name }));
  return (
    <form onSubmit={save} style={{ padding: 16, maxWidth: 640 }} aria-labelledby="code-editor-title">
      <Stack gap="xs">
        <Title order={3} id="code-editor-title">
          {code ? code.name : t('code.newCode')}
        </Title>
        <Group grow align="start">
          <TextInput label={t('code.name')} value={fields.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
          <ColorInput label={t('code.color')} value={fields.color} onChange={(color) => set({ color })} format="hex" />
        </Group>
        <Select label={t('cases.parent')} placeholder={t('cases.none')} value={fields.parentId} onChange={(v) => set({ parentId: v })} data={parents} clearable searchable />
        <Textarea label={t('code.definition')} value={fields.definition} onChange={(e) => set({ definition: e.currentTarget.value })} autosize minRows={3} />
        <Textarea label={t('code.inclusion')} value={fields.inclusion} onChange={(e) => set({ inclusion: e.currentTarget.value })} autosize minRows={2} />
        <Textarea label={t('code.exclusion')} value={fields.exclusion} onChange={(e) => set({ exclusion: e.currentTarget.value })} autosize minRows={2} />
        <Textarea label={t('code.example')} value={fields.example} onChange={(e) => set({ example: e.currentTarget.value })} autosize minRows={2} />
        <Group>
          <Button type="submit">{code ? t('code.save') : t('code.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
