import { useMemo } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import type { TreeNodeData } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { NavTree } from '../../components/NavTree';
import { formatNumber } from '../../i18n';

/** The codebook as a tree; a filter keeps matching codes with their ancestors. */
export function codeTree(codes: readonly Code[], filter: string): TreeNodeData[] {
  const needle = filter.trim().toLocaleLowerCase();
  const byParent = new Map<string | null, Code[]>();
  for (const c of codes) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const build = (parent: string | null): TreeNodeData[] =>
    (byParent.get(parent) ?? []).flatMap((c) => {
      const children = build(c.id);
      if (needle && !c.name.toLocaleLowerCase().includes(needle) && children.length === 0) return [];
      return [{ value: c.id, label: c.name, nodeProps: { color: c.color, count: c.codingCount, archived: c.archived }, children }];
    });
  return build(null);
}

export function CodebookNavigator() {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const open = useUi((s) => s.open);
  const [filter, setFilter] = useState('');
  const data = useMemo(() => codeTree(codes, filter), [codes, filter]);
  return (
    <>
      <Group gap={4} className="pane-header" wrap="nowrap">
        <TextInput style={{ flex: 1 }} placeholder={t('nav.filter')} aria-label={`${t('nav.filter')}: ${t('nav.codebook')}`} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
        <Button variant="default" onClick={() => open({ kind: 'new-code', parentId: null })}>
          {t('code.newCode')}
        </Button>
      </Group>
      <div className="pane-scroll">
        <NavTree
          label={t('nav.codebook')}
          data={data}
          expandAll={filter.trim() !== ''}
          onOpen={(id) => open({ kind: 'code', id })}
          renderRow={(node) => ({
            before: <span className="swatch" style={{ background: String(node.nodeProps?.color) }} aria-hidden />,
            after: `${node.nodeProps?.archived ? `${t('code.archived')} · ` : ''}${formatNumber(Number(node.nodeProps?.count ?? 0))}`,
          })}
        />
      </div>
    </>
  );
}
