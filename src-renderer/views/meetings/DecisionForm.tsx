import { useState } from 'react';
import { Alert, Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEETING_OUTCOMES } from '../../../src-shared/contract';
import type { InputOf, MeetingItem, MeetingOutcome } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { useNotices } from '../../stores/notices';
import { RichTextEditor } from '../../components/editor/RichTextEditor';
import { CodePicker } from '../codebook/CodePicker';

/** Outcomes about one coding: they need the item to be a coding. */
const CODING_ONLY: ReadonlySet<MeetingOutcome> = new Set(['recode', 'disagreement', 'split']);
const DEFINITION_FIELDS = ['definition', 'inclusion', 'exclusion', 'example'] as const;
type DefinitionField = (typeof DEFINITION_FIELDS)[number];

type DecideInput = InputOf<'meetings.decide'>;

interface DecisionFormProps {
  readonly item: MeetingItem;
  readonly onDone?: () => void;
}

/**
 * The decision on one agenda item: a discussion note (the memo editor) and an outcome — keep,
 * recode, refine the code's definition, flag for a paper, record a disagreement, split or merge.
 * The core applies it with the decision as one operation, so Ctrl+Z takes both back.
 */
export function DecisionForm({ item, onDone }: DecisionFormProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const members = useData((s) => s.members);
  const previous = item.decision;
  const itemCode = item.target.codeId;
  const [outcome, setOutcome] = useState<MeetingOutcome>(previous?.outcome ?? 'keep');
  const [note, setNote] = useState({ content: previous?.noteContent ?? null, text: previous?.note ?? '' });
  const [codeId, setCodeId] = useState<string | null>(null);
  const [refineId, setRefineId] = useState<string | null>(itemCode);
  const refined = codes.find((c) => c.id === refineId) ?? null;
  const [fields, setFields] = useState<Record<DefinitionField, string>>(() => fieldsOf(refined));
  const [paper, setPaper] = useState(previous?.details.paper ?? '');
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [splitName, setSplitName] = useState('');
  const [mergeSource, setMergeSource] = useState<string | null>(itemCode);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = MEETING_OUTCOMES.filter((o) => item.target.kind === 'coding' || !CODING_ONLY.has(o));

  const pickRefined = (id: string | null): void => {
    setRefineId(id);
    setFields(fieldsOf(codes.find((c) => c.id === id) ?? null));
  };

  /** The outcome's part of the input, or the words saying what is missing. */
  const outcomeInput = (): DecideInput | string => {
    switch (outcome) {
      case 'keep':
        return { itemId: item.id, outcome };
      case 'recode':
        return codeId ? { itemId: item.id, outcome, codeId } : t('meetings.decision.pickCode');
      case 'refine-definition':
        return refineId ? { itemId: item.id, outcome, codeId: refineId, ...fields } : t('meetings.decision.pickCode');
      case 'flag-for-paper':
        return { itemId: item.id, outcome, paper };
      case 'disagreement':
        return codeId ? { itemId: item.id, outcome, reviewerCodeId: codeId, ...(reviewerId ? { reviewerId } : {}) } : t('meetings.decision.pickCode');
      case 'split':
        return splitName.trim()
          ? { itemId: item.id, outcome, into: { name: splitName.trim(), parentId: codes.find((c) => c.id === itemCode)?.parentId ?? null } }
          : t('meetings.decision.nameSplit');
      case 'merge':
        return mergeSource && codeId ? { itemId: item.id, outcome, sourceId: mergeSource, targetId: codeId } : t('meetings.decision.pickCode');
    }
  };

  const save = async (): Promise<void> => {
    const input = outcomeInput();
    if (typeof input === 'string') {
      setRefusal(input);
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      await call('meetings.decide', { ...input, note: note.text, noteContent: note.content });
      useNotices.getState().push('info', t('meetings.decision.saved', { outcome: t(`meetings.outcomes.${outcome}`) }));
      onDone?.();
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      aria-label={t('meetings.decision.form')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Radio.Group label={t('meetings.decision.outcome')} value={outcome} onChange={(v) => setOutcome(v as MeetingOutcome)}>
          <Group gap="md" mt={4}>
            {allowed.map((o) => (
              <Radio key={o} value={o} label={t(`meetings.outcomes.${o}`)} />
            ))}
          </Group>
        </Radio.Group>
        {outcome === 'recode' && <CodePicker label={t('meetings.decision.newCode')} value={codeId} onChange={setCodeId} exclude={new Set(itemCode ? [itemCode] : [])} />}
        {outcome === 'disagreement' && (
          <Group grow align="start">
            <CodePicker label={t('meetings.decision.reviewerCode')} value={codeId} onChange={setCodeId} exclude={new Set(itemCode ? [itemCode] : [])} />
            <Select label={t('meetings.decision.reviewer')} placeholder={t('meetings.decision.me')} data={members.filter((m) => !m.archived).map((m) => ({ value: m.id, label: m.name }))} value={reviewerId} onChange={setReviewerId} searchable clearable comboboxProps={{ withinPortal: true }} />
          </Group>
        )}
        {outcome === 'refine-definition' && (
          <>
            <CodePicker label={t('meetings.decision.refinedCode')} value={refineId} onChange={pickRefined} />
            {DEFINITION_FIELDS.map((f) => (
              <Textarea key={f} label={t(`meetings.decision.fields.${f}`)} value={fields[f]} onChange={(e) => setFields({ ...fields, [f]: e.currentTarget.value })} autosize minRows={f === 'definition' ? 3 : 2} maxRows={10} />
            ))}
          </>
        )}
        {outcome === 'flag-for-paper' && <TextInput label={t('meetings.decision.paper')} placeholder={t('meetings.decision.paperPlaceholder')} value={paper} onChange={(e) => setPaper(e.currentTarget.value)} />}
        {outcome === 'split' && <TextInput label={t('meetings.decision.splitName')} description={t('meetings.decision.splitHint')} value={splitName} onChange={(e) => setSplitName(e.currentTarget.value)} />}
        {outcome === 'merge' && (
          <Group grow align="start">
            <CodePicker label={t('meetings.decision.mergeSource')} value={mergeSource} onChange={setMergeSource} />
            <CodePicker label={t('meetings.decision.mergeTarget')} value={codeId} onChange={setCodeId} exclude={new Set(mergeSource ? [mergeSource] : [])} />
          </Group>
        )}
        <RichTextEditor content={note.content} text={note.text} label={t('meetings.decision.note')} onChange={(content, text) => setNote({ content, text })} />
        {refusal && (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              {t('meetings.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {t('meetings.decision.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function fieldsOf(code: { definition: string; inclusion: string; exclusion: string; example: string } | null): Record<DefinitionField, string> {
  return { definition: code?.definition ?? '', inclusion: code?.inclusion ?? '', exclusion: code?.exclusion ?? '', example: code?.example ?? '' };
}
