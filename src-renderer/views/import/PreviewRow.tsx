import { memo } from 'react';
import { ActionIcon, Loader, Select, Table, TextInput, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { formatNumber } from '../../i18n';
import { editRow, removeRow, selectRow } from './actions';
import { encodingLabel, rowErrors } from './model';
import type { ImportRow } from './model';
import { useImport } from './store';
import { useCaseNames } from '../../components/useCaseOptions';
import { ProblemList } from './ProblemList';
import { languageOptions } from './languages';
import { dialogStart, refocusLater, sameInNeighbourRow } from './focus';

/** One file of the preview table; its file name selects it for the detail pane. */
export const PreviewRow = memo(function PreviewRow({ row, selected }: { row: ImportRow; selected: boolean }) {
  const { t } = useTranslation();
  const names = useCaseNames();
  const busy = useImport((s) => s.busy.includes(row.stagedId));
  const errors = rowErrors(row);
  const file = row.fileName;
  const encoding = row.preview.encoding;
  return (
    <Table.Tr bg={selected ? 'var(--mantine-color-indigo-0)' : undefined}>
      <Table.Td style={{ minWidth: 190, maxWidth: 260 }}>
        <UnstyledButton
          onClick={() => selectRow(row.stagedId)}
          aria-pressed={selected}
          title={t('import.showDetails')}
          style={{ fontSize: 13, fontWeight: selected ? 600 : 400, textDecoration: 'underline dotted', overflowWrap: 'break-word' }}
        >
          {file}
        </UnstyledButton>
      </Table.Td>
      <Table.Td style={{ fontSize: 12, textTransform: 'uppercase' }}>{row.preview.format}</Table.Td>
      <Table.Td style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {encoding ? `${encodingLabel(encoding.name)}${encoding.detected ? ` ${t('import.detected')}` : ''}` : '—'}
      </Table.Td>
      <Table.Td style={{ minWidth: 200 }}>
        <TextInput
          size="xs"
          aria-label={t('import.titleOf', { file })}
          value={row.title}
          onChange={(e) => editRow(row.stagedId, { title: e.currentTarget.value })}
          error={errors.includes('title') ? t('import.needsTitle') : undefined}
        />
      </Table.Td>
      <Table.Td style={{ minWidth: 150 }}>
        <Select
          size="xs"
          aria-label={t('import.kindOf', { file })}
          value={row.kind}
          onChange={(kind) => kind && editRow(row.stagedId, { kind: kind as DocumentKind })}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          allowDeselect={false}
        />
      </Table.Td>
      <Table.Td style={{ minWidth: 120 }}>
        <TextInput
          size="xs"
          aria-label={t('import.dateOf', { file })}
          value={row.date}
          onChange={(e) => editRow(row.stagedId, { date: e.currentTarget.value })}
          error={errors.includes('date') ? t('import.badDate') : undefined}
        />
      </Table.Td>
      <Table.Td style={{ minWidth: 120 }}>
        <Select
          size="xs"
          aria-label={t('import.languageOf', { file })}
          value={row.language || null}
          onChange={(language) => language && editRow(row.stagedId, { language })}
          data={languageOptions(row.language)}
          allowDeselect={false}
          error={errors.includes('language') ? t('import.needsLanguage') : undefined}
        />
      </Table.Td>
      <Table.Td style={{ fontSize: 12, maxWidth: 180 }}>{row.caseIds.map((id) => names.get(id) ?? id).join(', ')}</Table.Td>
      <Table.Td style={{ fontSize: 12, textAlign: 'right' }}>{busy ? <Loader size="xs" aria-label={t('status.working')} /> : formatNumber(row.preview.turns)}</Table.Td>
      <Table.Td style={{ maxWidth: 280 }}>
        <ProblemList problems={[...row.problems, ...row.preview.warnings]} />
      </Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="gray"
          data-leave-out
          aria-label={t('import.remove', { file })}
          onClick={(event) => {
            refocusLater(sameInNeighbourRow(event.currentTarget, '[data-leave-out]') ?? dialogStart(event.currentTarget));
            void removeRow(row.stagedId);
          }}
        >
          <span aria-hidden>✕</span>
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
});
