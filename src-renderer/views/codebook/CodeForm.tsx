import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, ColorInput, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import { attempt, useNotices } from '../../stores/notices';
import { CodePicker } from './CodePicker';
import { descendantIds } from './tree';

export interface CodeFields {
  name: string;
  color: string;
  parentId: string | null;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

const fieldsOf = (c: Code): CodeFields => ({ name: c.name, color: c.color, parentId: c.parentId, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example });

/**
 * A code's name, colour, place and definition, edited together and saved with one press; or a new
 * code. `labelledBy` names the form after the page's heading.
 */
export function CodeForm({ code, parentId = null, labelledBy }: { code: Code | undefined; parentId?: string | null; labelledBy: string }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const blank: CodeFields = { name: '', color: '#4363d8', parentId, definition: '', inclusion: '', exclusion: '', example: '' };
  const [fields, setFields] = useState<CodeFields>(code ? fieldsOf(code) : blank);
  const set = (patch: Partial<CodeFields>) => setFields((f) => ({ ...f, ...patch }));

  // The cached code is replaced whenever counts change (someone codes a passage); only a change to
  // what this form edits (an undo, another window) should replace what is being typed.
  const saved = code ? JSON.stringify(fieldsOf(code)) : null;
  useEffect(() => {
    if (saved) setFields(JSON.parse(saved) as CodeFields);
  }, [saved]);
  const exclude = useMemo(() => (code ? new Set([code.id, ...descendantIds(codes, code.id)]) : new Set<string>()), [codes, code]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      const { parentId: parent, ...text } = fields;
      if (code) {
        // The core's update does not take a parent: a changed place is a second, separate move.
        await call('codes.update', { id: code.id, ...text, parentId: parent });
      } else {
        const created = await call('codes.create', { ...text, parentId: parent });
        const ui = useUi.getState();
        ui.close(targetKey({ kind: 'new-code', parentId }));
        ui.open({ kind: 'code', id: created.id });
      }
      useNotices.getState().push('info', t('document.saved'));
    });
  };

  return (
    <form onSubmit={save} aria-labelledby={labelledBy}>
      <Stack gap="xs">
        <Group grow align="start">
          <TextInput label={t('code.name')} value={fields.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
          <ColorInput label={t('code.color')} value={fields.color} onChange={(color) => set({ color })} format="hex" />
        </Group>
        <CodePicker label={t('codebook.parent')} value={fields.parentId} onChange={(v) => set({ parentId: v })} exclude={exclude} topLevel />
        <Textarea label={t('code.definition')} value={fields.definition} onChange={(e) => set({ definition: e.currentTarget.value })} autosize minRows={3} />
        <Group grow align="start">
          <Textarea label={t('code.inclusion')} value={fields.inclusion} onChange={(e) => set({ inclusion: e.currentTarget.value })} autosize minRows={2} />
          <Textarea label={t('code.exclusion')} value={fields.exclusion} onChange={(e) => set({ exclusion: e.currentTarget.value })} autosize minRows={2} />
        </Group>
        <Textarea label={t('code.example')} value={fields.example} onChange={(e) => set({ example: e.currentTarget.value })} autosize minRows={2} />
        <Group>
          <Button type="submit">{code ? t('code.save') : t('code.create')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
