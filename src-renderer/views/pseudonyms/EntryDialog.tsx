import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PSEUDONYM_KINDS, QuireError } from '../../../src-shared/contract';
import type { PseudonymEntry, PseudonymKind } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { useNotices } from '../../stores/notices';

interface EntryDialogProps {
  /** The entry to edit; null adds a new one. */
  readonly entry: PseudonymEntry | null;
  readonly onClose: () => void;
}

/** Adding or editing one registry entry; the core's refusal (a collision) is shown in the form. */
export function EntryDialog({ entry, onClose }: EntryDialogProps) {
  const { t } = useTranslation();
  const cases = useData((s) => s.cases);
  const [kind, setKind] = useState<PseudonymKind>(entry?.kind ?? 'person');
  const [realName, setRealName] = useState(entry?.realName ?? '');
  const [pseudonym, setPseudonym] = useState(entry?.pseudonym ?? '');
  const [aliases, setAliases] = useState<string[]>([...(entry?.aliases ?? [])]);
  const [caseId, setCaseId] = useState<string | null>(entry?.caseId ?? null);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setTried(true);
    if (!realName.trim() || !pseudonym.trim()) return;
    setBusy(true);
    setRefusal(null);
    try {
      const fields = { kind, realName, pseudonym, aliases, caseId };
      const saved = entry ? await call('pseudonyms.update', { id: entry.id, ...fields }) : await call('pseudonyms.add', fields);
      useNotices.getState().push('info', t('pseudonyms.saved', { name: saved.realName, pseudonym: saved.pseudonym }));
      onClose();
    } catch (error) {
      // A collision is the user's to fix in this form; anything else as well, in words.
      setRefusal(error instanceof QuireError || error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={entry ? t('pseudonyms.editTitle', { name: entry.realName }) : t('pseudonyms.addTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Select
          label={t('pseudonyms.kind')}
          data={PSEUDONYM_KINDS.map((k) => ({ value: k, label: t(`pseudonyms.kinds.${k}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as PseudonymKind)}
          allowDeselect={false}
        />
        <TextInput
          mt="sm"
          label={t('pseudonyms.realName')}
          value={realName}
          onChange={(e) => setRealName(e.currentTarget.value)}
          error={tried && !realName.trim() ? t('pseudonyms.emptyReal') : undefined}
          data-autofocus
        />
        <TextInput
          mt="sm"
          label={t('pseudonyms.pseudonym')}
          value={pseudonym}
          onChange={(e) => setPseudonym(e.currentTarget.value)}
          error={tried && !pseudonym.trim() ? t('pseudonyms.emptyPseudonym') : undefined}
        />
        <TagsInput mt="sm" label={t('pseudonyms.aliases')} description={t('pseudonyms.aliasesHint')} value={aliases} onChange={setAliases} splitChars={[';']} clearable />
        <Select
          mt="sm"
          label={t('pseudonyms.case')}
          placeholder={t('pseudonyms.noCase')}
          data={cases.map((c) => ({ value: c.id, label: c.name }))}
          value={caseId}
          onChange={setCaseId}
          searchable
          clearable
        />
        {refusal && (
          <Alert mt="sm" color="red" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('pseudonyms.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('pseudonyms.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
