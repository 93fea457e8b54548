import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, FileInput, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseImportPreview as Preview, CaseImportReport } from '../../../../src-shared/contract/case-import';
import type { StagedTable } from '../../../../src-shared/contract/imports';
import { mappingOptionsFor, suggestMapping } from '../../../../src-shared/model/column-mapping';
import { call } from '../../../api/client';
import { useData } from '../../../stores/data';
import { attempt, useNotices } from '../../../stores/notices';
import { toBase64 } from '../../../api/base64';
import { CaseImportColumns } from './CaseImportColumns';
import { CaseImportPreview } from './CaseImportPreview';
import { closeCaseImport, useCaseImport } from './store';
import { mappingFromUses, setUse, usesFromMapping } from './uses';
import type { ColumnUse } from './uses';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** "2 new cases, 1 update, skipped: 2, 1 row with problems": the counts that are not zero. */
function summaryOf(t: (key: string, options?: Record<string, unknown>) => string, counts: { create: number; update: number; unchanged: number; skip: number; problem: number }): string {
  const parts = (['create', 'update', 'unchanged', 'skip', 'problem'] as const).filter((k) => counts[k] > 0).map((k) => t(`caseImport.counts.${k}`, { count: counts[k] }));
  return parts.length > 0 ? parts.join(', ') : t('caseImport.counts.create', { count: 0 });
}

/** "Import a case list": opened from the command palette or the cases navigator. */
export function CaseImportDialog() {
  const { t } = useTranslation();
  const opened = useCaseImport((s) => s.opened);
  return (
    <Modal opened={opened} onClose={closeCaseImport} title={t('caseImport.title')} size="64rem">
      {opened && <CaseImportForm />}
    </Modal>
  );
}

function CaseImportForm() {
  const { t } = useTranslation();
  const { caseTypes, attributes } = useData();
  const [file, setFile] = useState<File | null>(null);
  const [stagedId, setStagedId] = useState<string | null>(null);
  const [table, setTable] = useState<StagedTable | null>(null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [uses, setUses] = useState<ColumnUse[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [importing, setImporting] = useState(false);
  /** The staged file, forgotten by the core when another is chosen or the dialog closes. */
  const staged = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (staged.current) void attempt(() => call('imports.discard', { stagedIds: [staged.current!] }));
    },
    [],
  );

  const type = caseTypes.find((c) => c.id === typeId) ?? null;
  const applicable = useMemo(() => attributes.filter((a) => a.target === 'case' && (a.caseTypeId === null || a.caseTypeId === typeId)), [attributes, typeId]);

  // The mapping guessed from the headers, whenever another table (file, sheet) or type is chosen,
  // in whichever order they arrive. Only then: a later change of attributes keeps the user's edits.
  useEffect(() => {
    if (!table || !type) return setUses(table ? table.headers.map(() => 'ignore') : []);
    setUses(usesFromMapping(suggestMapping(table.headers, applicable, mappingOptionsFor(type, caseTypes)), table.headers.length));
  }, [table, typeId]);

  const choose = async (chosen: File | null): Promise<void> => {
    setFile(chosen);
    setTable(null);
    setStagedId(null);
    setPreview(null);
    setError(null);
    if (staged.current) {
      const old = staged.current;
      staged.current = null;
      void attempt(() => call('imports.discard', { stagedIds: [old] }));
    }
    if (!chosen) return;
    setReading(true);
    try {
      const result = await call('imports.stage', { fileName: chosen.name, data: toBase64(new Uint8Array(await chosen.arrayBuffer())) });
      if (!result.ok) return setError(result.reason);
      staged.current = result.stagedId;
      if (result.format !== 'table') return setError(t('caseImport.notTable', { name: chosen.name }));
      const read = await call('imports.table', { stagedId: result.stagedId });
      setStagedId(result.stagedId);
      setTable(read);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setReading(false);
    }
  };

  const chooseSheet = async (sheet: string): Promise<void> => {
    if (!stagedId) return;
    setReading(true);
    try {
      const read = await call('imports.table', { stagedId, sheet });
      setTable(read);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setReading(false);
    }
  };

  const mapping = useMemo(() => (table ? mappingFromUses(uses, table.headers) : null), [uses, table]);
  const input = useMemo(
    () => (stagedId && typeId && mapping && table ? { stagedId, typeId, mapping, ...(table.sheet ? { sheet: table.sheet } : {}) } : null),
    [stagedId, typeId, mapping, table],
  );

  useEffect(() => {
    setPreview(null);
    if (!input) return;
    let current = true;
    call('cases.previewTable', input)
      .then((answer) => {
        if (!current) return;
        setPreview(answer);
        setError(null);
      })
      .catch((failure: unknown) => current && setError(messageOf(failure)));
    return () => {
      current = false;
    };
  }, [input]);

  const run = async (): Promise<void> => {
    if (!input) return;
    setImporting(true);
    let report: CaseImportReport;
    try {
      report = await call('cases.importTable', input);
    } catch (failure) {
      setError(messageOf(failure));
      setImporting(false);
      return;
    }
    const counts = { create: report.created, update: report.updated, unchanged: report.unchanged, skip: report.skipped, problem: report.problemRows };
    useNotices.getState().push('info', t('caseImport.done', { summary: summaryOf(t, counts) }));
    closeCaseImport();
  };

  const writes = preview ? preview.counts.create + preview.counts.update + preview.newAttributes.length : 0;
  const warnings = [...(table?.warnings ?? []), ...(preview?.warnings ?? [])].filter((w, i, all) => all.indexOf(w) === i);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('caseImport.intro')}</Text>
        <Group grow align="flex-start">
          <FileInput label={t('caseImport.file')} placeholder={t('caseImport.choose')} accept=".csv,.tsv,.xlsx" value={file} onChange={(f) => void choose(f)} clearable data-autofocus />
          <Select
            label={t('caseImport.type')}
            placeholder={t('caseImport.typePlaceholder')}
            value={typeId}
            onChange={setTypeId}
            data={caseTypes.map((c) => ({ value: c.id, label: c.name }))}
            allowDeselect={false}
          />
          {table && table.sheetNames.length > 1 && (
            <Select label={t('caseImport.sheet')} value={table.sheet} onChange={(value) => value && void chooseSheet(value)} data={[...table.sheetNames]} allowDeselect={false} />
          )}
        </Group>
        {reading && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('caseImport.reading')}</Text>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {warnings.map((w) => (
          <Text key={w} size="sm" c="orange.8">
            {w}
          </Text>
        ))}
        {table && type && (
          <CaseImportColumns headers={table.headers} rows={table.rows} uses={uses} attributes={applicable} onChange={(column, use) => setUses((u) => setUse(u, column, use))} />
        )}
        {table && type && !mapping && (
          <Text size="sm" c="red" role="alert">
            {t('caseImport.needName')}
          </Text>
        )}
        {preview && (
          <>
            <Text size="sm" fw={500} aria-live="polite">
              {summaryOf(t, preview.counts)}
            </Text>
            {preview.newAttributes.length > 0 && <Text size="sm">{t('caseImport.newAttributes', { list: preview.newAttributes.map((a) => a.name).join(', ') })}</Text>}
            <CaseImportPreview preview={preview} />
            {preview.counts.problem > 0 && (
              <Text size="sm" c="dimmed">
                {t('caseImport.problemsNote')}
              </Text>
            )}
            {writes === 0 && <Text size="sm">{t('caseImport.nothing')}</Text>}
          </>
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={closeCaseImport}>
            {t('caseImport.cancel')}
          </Button>
          <Button type="submit" disabled={reading || !preview || writes === 0} loading={importing}>
            {t('caseImport.import')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
