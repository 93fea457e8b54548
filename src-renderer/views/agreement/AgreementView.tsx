import { useMemo } from 'react';
import { Group, Loader, MultiSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_UNITS } from '../../../src-shared/contract/agreement';
import type { AgreementResult, AgreementUnit } from '../../../src-shared/contract/agreement';
import { useAnswer } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { codeOptions } from '../retrieve/model';
import { AgreementHelp } from './AgreementHelp';
import { AgreementTable } from './AgreementTable';
import type { FigureRow } from './AgreementTable';
import { PairsTable } from './PairsTable';
import { Choice } from './parts';
import { useAgreement } from './store';
import type { AgreementRows } from './store';
import './agreement.css';

/** The rows the table shows: codes (and all codes together), documents or cases. */
function rowsOf(result: AgreementResult, rows: AgreementRows, allCodes: string): FigureRow[] {
  if (rows === 'document') return result.documents.map((d) => ({ key: d.id, label: d.label, depth: 0, figures: d }));
  if (rows === 'case') return result.cases.map((c) => ({ key: c.id, label: c.label, depth: 0, figures: c }));
  return [
    ...result.codes.map((c) => ({ key: c.codeId, label: c.name, depth: c.depth, title: c.path, figures: c })),
    { key: 'all', label: allCodes, depth: 0, figures: result.overall },
  ];
}

function Summary({ result }: { result: AgreementResult }) {
  const { t } = useTranslation();
  const amount = t(`agreement.amount.${result.unit}`, { count: result.uncodedUnits });
  return (
    <Stack gap={2} mb="xs" aria-live="polite">
      <Text size="sm">{t('agreement.summaryDocuments', { count: result.documentCount })}</Text>
      <Text size="sm">{t(result.includeUncoded ? 'agreement.uncodedIncluded' : 'agreement.uncodedLeftOut', { amount })}</Text>
      {result.documentsOneCoder > 0 && <Text size="sm">{t('agreement.oneCoder', { count: result.documentsOneCoder })}</Text>}
      {result.documentsMissingCoders > 0 && <Text size="sm">{t('agreement.missingCoders', { count: result.documentsMissingCoders })}</Text>}
      {result.documentsWithoutTurns > 0 && <Text size="sm">{t('agreement.withoutTurns', { count: result.documentsWithoutTurns })}</Text>}
    </Stack>
  );
}

/** The Agreement tab: how consistently two or more coders apply the codes, per code, document or case. */
export function AgreementView() {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  const codes = useData((s) => s.codes);
  const documents = useData((s) => s.documents);
  const cases = useData((s) => s.cases);
  const { coderIds, codeIds, documentIds, caseIds, unit, includeSubcodes, includeUncoded, rows, set } = useAgreement();
  const input =
    coderIds.length >= 2 ? { coderIds: [...coderIds], codeIds: [...codeIds], documentIds: [...documentIds], caseIds: [...caseIds], unit, includeSubcodes, includeUncoded } : null;
  const { arrived, result } = useAnswer('agreement.compute', input);
  const coderOptions = useMemo(() => members.filter((m) => !m.archived || coderIds.includes(m.id)).map((m) => ({ value: m.id, label: `${m.name} (${m.initials})` })), [members, coderIds]);
  const codeChoices = useMemo(() => codeOptions(codes), [codes]);
  const documentChoices = useMemo(() => documents.map((d) => ({ value: d.id, label: d.title })), [documents]);
  const caseChoices = useMemo(() => cases.map((c) => ({ value: c.id, label: c.name })), [cases]);
  const figureRows = useMemo(() => (result ? rowsOf(result, rows, t('agreement.allCodesRow')) : []), [result, rows, t]);
  const coderNames = result ? result.coders.map((c) => c.name).join(', ') : '';
  const unitName = t(`agreement.units.${unit}`).toLocaleLowerCase();

  return (
    <div className="agreement-view">
      <Title order={2} size="h4" mb="xs">
        {t('agreement.heading')}
      </Title>
      <Group gap="md" align="end" wrap="wrap" mb="xs">
        <MultiSelect
          label={t('agreement.coders')}
          description={t('agreement.codersHint')}
          data={coderOptions}
          value={[...coderIds]}
          onChange={(v) => set({ coderIds: v })}
          searchable
          style={{ minWidth: 280 }}
        />
        <MultiSelect
          label={t('agreement.codes')}
          placeholder={codeIds.length === 0 ? t('agreement.allCodes') : undefined}
          data={codeChoices}
          value={[...codeIds]}
          onChange={(v) => set({ codeIds: v })}
          searchable
          clearable
          style={{ minWidth: 280 }}
        />
        <Choice
          id="agreement-unit-label"
          label={t('agreement.unit')}
          options={AGREEMENT_UNITS.map((u) => ({ value: u, label: t(`agreement.units.${u}`) }))}
          value={unit}
          onChange={(v: AgreementUnit) => set({ unit: v })}
        />
        <Choice
          id="agreement-rows-label"
          label={t('agreement.rows')}
          options={(['code', 'document', 'case'] as const).map((r) => ({ value: r, label: t(`agreement.rowOptions.${r}`) }))}
          value={rows}
          onChange={(v: AgreementRows) => set({ rows: v })}
        />
      </Group>
      <Group gap="md" align="end" wrap="wrap" mb="xs">
        <MultiSelect
          label={t('agreement.documents')}
          placeholder={documentIds.length === 0 ? t('agreement.allDocuments') : undefined}
          data={documentChoices}
          value={[...documentIds]}
          onChange={(v) => set({ documentIds: v })}
          searchable
          clearable
          limit={200}
          style={{ minWidth: 280 }}
        />
        <MultiSelect
          label={t('agreement.cases')}
          placeholder={caseIds.length === 0 ? t('agreement.allCases') : undefined}
          data={caseChoices}
          value={[...caseIds]}
          onChange={(v) => set({ caseIds: v })}
          searchable
          clearable
          limit={200}
          style={{ minWidth: 280 }}
        />
      </Group>
      <Group gap="md" mb="xs">
        <Switch label={t('agreement.subcodes')} checked={includeSubcodes} onChange={(e) => set({ includeSubcodes: e.currentTarget.checked })} />
        <Switch label={t('agreement.includeUncoded')} checked={includeUncoded} onChange={(e) => set({ includeUncoded: e.currentTarget.checked })} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t(`agreement.unitHelp.${unit}`)}
      </Text>
      {input === null ? (
        <Text size="sm" c="dimmed">
          {t('agreement.chooseCoders')}
        </Text>
      ) : !arrived || !result ? (
        <Loader size="sm" aria-label={t('agreement.loading')} />
      ) : result.documentCount === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agreement.empty')}
        </Text>
      ) : (
        <>
          <Summary result={result} />
          <AgreementTable
            caption={t('agreement.table', { coders: coderNames, unit: unitName })}
            first={t(`agreement.columns.${rows}`)}
            rows={figureRows}
            twoCoders={result.coders.length === 2}
            unitized={result.unit === 'characters' && rows === 'code'}
          />
          {result.coders.length > 2 && (
            <PairsTable caption={t('agreement.pairsTable', { unit: unitName })} first={t(`agreement.columns.${rows}`)} rows={figureRows} coders={result.coders} />
          )}
        </>
      )}
      <AgreementHelp />
    </div>
  );
}
