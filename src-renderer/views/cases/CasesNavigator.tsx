import { useMemo } from 'react';
import { Button, Group } from '@mantine/core';
import type { TreeNodeData } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case, CaseType } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { NavTree } from '../../components/NavTree';
import { CaseImportDialog } from './import/CaseImportDialog';
import { openCaseImport } from './import/store';

/** Top-level cases grouped by their type; nested cases under their parents. */
export function caseTree(cases: readonly Case[], types: readonly CaseType[]): TreeNodeData[] {
  const byParent = new Map<string | null, Case[]>();
  for (const c of cases) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const build = (parent: string | null): TreeNodeData[] =>
    (byParent.get(parent) ?? []).map((c) => ({ value: c.id, label: c.name, children: build(c.id) }));
  const roots = byParent.get(null) ?? [];
  return types
    .filter((type) => roots.some((c) => c.typeId === type.id))
    .map((type) => ({
      value: `type:${type.id}`,
      label: type.name,
      children: build(null).filter((node) => roots.find((c) => c.id === node.value)?.typeId === type.id),
    }));
}

export function CasesNavigator() {
  const { t } = useTranslation();
  const { cases, caseTypes } = useData();
  const open = useUi((s) => s.open);
  const data = useMemo(() => caseTree(cases, caseTypes), [cases, caseTypes]);
  return (
    <>
      <Group className="pane-header" justify="flex-end" gap="xs">
        <Button variant="default" onClick={openCaseImport}>
          {t('caseImport.button')}
        </Button>
        <Button variant="default" onClick={() => open({ kind: 'new-case', parentId: null })}>
          {t('cases.newCase')}
        </Button>
      </Group>
      <div className="pane-scroll">
        <NavTree label={t('nav.cases')} data={data} onOpen={(value) => !value.startsWith('type:') && open({ kind: 'case', id: value })} />
      </div>
      <CaseImportDialog />
    </>
  );
}
