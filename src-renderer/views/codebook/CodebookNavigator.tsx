import { useMemo, useState } from 'react';
import { Button, Group, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { CodebookExportDialog } from '../export/CodebookExportDialog';
import { CodeDialogs } from './CodeDialogs';
import type { CodeDialog } from './CodeDialogs';
import { CodeTree } from './CodeTree';
import { codeTree } from './tree';

/** The codebook pane of the navigator: filter, archived toggle, new code, and the tree. */
export function CodebookNavigator() {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const open = useUi((s) => s.open);
  const [filter, setFilter] = useState('');
  const [showArchived, setShowArchived] = useState(true);
  const [dialog, setDialog] = useState<CodeDialog | null>(null);
  const [exporting, setExporting] = useState(false);
  const data = useMemo(() => codeTree(codes, { filter, showArchived }), [codes, filter, showArchived]);
  const closeDialog = (): void => {
    const id = dialog?.codeId;
    setDialog(null);
    // Back to the row the dialog was opened from, so the keyboard user can carry on in the tree.
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-codebook-tree] li[data-value="${CSS.escape(id)}"]`)?.focus());
  };
  return (
    <>
      <Group gap={4} className="pane-header" wrap="nowrap">
        <TextInput style={{ flex: 1 }} placeholder={t('nav.filter')} aria-label={`${t('nav.filter')}: ${t('nav.codebook')}`} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
        <Button variant="default" onClick={() => open({ kind: 'new-code', parentId: null })}>
          {t('code.newCode')}
        </Button>
      </Group>
      <Group justify="space-between" px={8} py={4} wrap="nowrap">
        <Switch size="xs" label={t('codebook.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        <Button size="compact-xs" variant="subtle" onClick={() => setExporting(true)}>
          {t('export.openCodebook')}
        </Button>
      </Group>
      <div className="pane-scroll" data-codebook-tree>
        <CodeTree label={t('nav.codebook')} data={data} expandAll={filter.trim() !== ''} onDialog={(kind, codeId) => setDialog({ kind, codeId })} />
      </div>
      <CodeDialogs dialog={dialog} onClose={closeDialog} />
      {exporting && <CodebookExportDialog onClose={() => setExporting(false)} />}
    </>
  );
}
