import type { ComponentType } from 'react';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import type { NavigatorTab } from '../../stores/ui';
import { DocumentsNavigator } from '../documents/DocumentsNavigator';
import { CodebookNavigator } from '../codebook/CodebookNavigator';
import { CasesNavigator } from '../cases/CasesNavigator';
import { TeamNavigator } from '../team/TeamNavigator';
import { MemosView } from '../memos/MemosView';

const TABS: readonly { readonly value: NavigatorTab; readonly label: string; readonly View: ComponentType }[] = [
  { value: 'documents', label: 'nav.documents', View: DocumentsNavigator },
  { value: 'codebook', label: 'nav.codebook', View: CodebookNavigator },
  { value: 'cases', label: 'nav.cases', View: CasesNavigator },
  { value: 'team', label: 'nav.team', View: TeamNavigator },
  { value: 'memos', label: 'memo.navTab', View: MemosView },
];

/** The left pane: documents, codebook, cases, team and memos, one tab each (Alt+1…5). */
export function Navigator() {
  const { t } = useTranslation();
  const tab = useUi((s) => s.navigator);
  const show = useUi((s) => s.showNavigator);
  return (
    <Tabs value={tab} onChange={(v) => v && show(v as NavigatorTab)} keepMounted={false} className="pane" style={{ flex: 1 }}>
      <Tabs.List grow>
        {TABS.map(({ value, label }) => (
          <Tabs.Tab key={value} value={value}>
            {t(label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map(({ value, View }) => (
        <Tabs.Panel key={value} value={value} className="pane" style={{ flex: 1 }}>
          <View />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
