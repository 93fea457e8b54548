import { useMemo } from 'react';
import { Autocomplete, Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CoderSelect } from '../../components/CoderSelect';
import { RETRIEVAL_OPERATORS, SPEAKER_FILTERS } from '../../../src-shared/contract/retrieval';
import type { RetrievalOperator, SpeakerFilter } from '../../../src-shared/contract';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { codeOptions, draftProblem } from './model';
import { EMPTY_DRAFT, useRetrieve } from './store';

/** Codes, how they combine, and which documents and words count. */
export function QueryBuilder() {
  const { t } = useTranslation();
  const { codes, cases, caseTypes, attributes } = useData();
  const draft = useRetrieve((s) => s.draft);
  const edit = useRetrieve((s) => s.edit);
  const codeChoices = useMemo(() => codeOptions(codes), [codes]);
  const caseChoices = useMemo(() => {
    const typeName = new Map(caseTypes.map((ty) => [ty.id, ty.name]));
    return cases.map((c) => ({ value: c.id, label: `${c.name} (${typeName.get(c.typeId) ?? ''})` }));
  }, [cases, caseTypes]);
  const attribute = attributes.find((a) => a.id === draft.attributeId) ?? null;
  const attributeValues = useMemo(() => {
    if (!attribute) return [];
    if (attribute.choices) return [...attribute.choices];
    if (attribute.valueType === 'boolean') return ['true', 'false'];
    const seen = new Set<string>();
    for (const c of cases) {
      const v = c.attributes[attribute.id];
      if (v !== undefined) seen.add(String(v));
    }
    return [...seen].sort((a, b) => a.localeCompare(b, 'ru', { numeric: true }));
  }, [attribute, cases]);
  const problem = draftProblem(draft);
  const relation = draft.operator === 'within' || draft.operator === 'follows';

  return (
    <section aria-label={t('retrieve.query')} className="retrieve-query">
      <Group gap="xs" align="end" wrap="wrap">
        <MultiSelect
          label={t('retrieve.codes')}
          placeholder={draft.codeIds.length === 0 ? t('retrieve.codesPlaceholder') : undefined}
          data={codeChoices}
          value={[...draft.codeIds]}
          onChange={(codeIds) => edit({ codeIds })}
          searchable
          clearable
          limit={200}
          maxDropdownHeight={320}
          nothingFoundMessage="—"
          style={{ flex: '2 1 320px' }}
          error={problem === 'second' ? t('retrieve.needTwo') : undefined}
        />
        <Select
          label={t('retrieve.operator')}
          data={RETRIEVAL_OPERATORS.map((op) => ({ value: op, label: t(`retrieve.operators.${op}`) }))}
          value={draft.operator}
          onChange={(v) => v && edit({ operator: v as RetrievalOperator })}
          allowDeselect={false}
          style={{ flex: '1 1 260px' }}
        />
        {relation && (
          <NumberInput label={t('retrieve.distance')} value={draft.distance} min={0} max={1_000_000} step={50} onChange={(v) => edit({ distance: typeof v === 'number' ? v : Number(v) || 0 })} style={{ width: 110 }} />
        )}
        <Switch label={t('retrieve.subcodes')} checked={draft.includeSubcodes} onChange={(e) => edit({ includeSubcodes: e.currentTarget.checked })} mb={8} />
      </Group>
      <Group gap="xs" align="end" wrap="wrap" mt="xs" role="group" aria-label={t('retrieve.filters')}>
        <Select
          label={t('retrieve.attribute')}
          placeholder={t('retrieve.noAttribute')}
          data={attributes.map((a) => ({ value: a.id, label: a.name }))}
          value={draft.attributeId}
          onChange={(attributeId) => edit({ attributeId, attributeValue: null })}
          searchable
          clearable
          style={{ flex: '1 1 180px' }}
        />
        {/* Free text with suggestions: values of document attributes are not listed anywhere. */}
        <Autocomplete
          label={t('retrieve.value')}
          data={attributeValues}
          value={draft.attributeValue ?? ''}
          onChange={(v) => edit({ attributeValue: v === '' ? null : v })}
          disabled={!attribute}
          clearable
          style={{ flex: '1 1 160px' }}
        />
        <MultiSelect
          label={t('retrieve.cases')}
          placeholder={draft.caseIds.length === 0 ? t('retrieve.casesPlaceholder') : undefined}
          data={caseChoices}
          value={[...draft.caseIds]}
          onChange={(caseIds) => edit({ caseIds })}
          searchable
          clearable
          limit={200}
          style={{ flex: '2 1 220px' }}
        />
        <MultiSelect
          label={t('retrieve.kinds')}
          placeholder={draft.kinds.length === 0 ? t('retrieve.kindsPlaceholder') : undefined}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={[...draft.kinds]}
          onChange={(kinds) => edit({ kinds: kinds as DocumentKind[] })}
          clearable
          style={{ flex: '1 1 180px' }}
        />
        <TextInput
          label={t('retrieve.from')}
          placeholder={t('retrieve.datePlaceholder')}
          value={draft.from}
          onChange={(e) => edit({ from: e.currentTarget.value })}
          error={problem === 'from' ? t('retrieve.badDate') : undefined}
          style={{ width: 170 }}
        />
        <TextInput
          label={t('retrieve.to')}
          placeholder={t('retrieve.datePlaceholder')}
          value={draft.to}
          onChange={(e) => edit({ to: e.currentTarget.value })}
          error={problem === 'to' ? t('retrieve.badDate') : undefined}
          style={{ width: 170 }}
        />
        <CoderSelect value={draft.coderIds} onChange={(coderIds) => edit({ coderIds })} style={{ flex: '1 1 200px' }} />
      </Group>
      <Group gap="xs" mt="xs" align="center" wrap="wrap">
        <Text size="sm" id="retrieve-speakers-label">
          {t('retrieve.speakers')}
        </Text>
        <Tooltip label={t('retrieve.speakerHelp')} multiline w={360}>
          <SegmentedControl
            size="xs"
            aria-labelledby="retrieve-speakers-label"
            data={SPEAKER_FILTERS.map((s) => ({ value: s, label: t(`retrieve.speakerOptions.${s}`) }))}
            value={draft.speakers}
            onChange={(v) => edit({ speakers: v as SpeakerFilter })}
          />
        </Tooltip>
        <Button size="xs" variant="subtle" ml="auto" onClick={() => useRetrieve.getState().load(EMPTY_DRAFT, null)}>
          {t('retrieve.clear')}
        </Button>
      </Group>
    </section>
  );
}
