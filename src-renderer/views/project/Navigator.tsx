import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../stores/ui';
import type { NavigatorTab } from '../../stores/ui';
import { DocumentsNavigator } from '../documents/DocumentsNavigator';
import { CodebookNavigator } from '../codebook/CodebookNavigator';
import { CasesNavigator } from '../cases/CasesNavigator';
import { TeamNavigator } from '../team/TeamNavigator';
import { MemosView } from '../memos/MemosView'; // memos tab

/** The left pane: documents, codebook, cases, team and memos, one tab each (Alt+1…5). */
export function Navigator() {
  const { t } = useTranslation();
  const tab = useUi((s) => s.navigator);
  const show = useUi((s) => s.showNavigator);
  return (
    <Tabs value={tab} onChange={(v) => v && show(v as NavigatorTab)} keepMounted={false} className="pane" style={{ flex: 1 }}>
      <Tabs.List grow>
        <Tabs.Tab value="documents">{t('nav.documents')}</Tabs.Tab>
        <Tabs.Tab value="codebook">{t('nav.codebook')}</Tabs.Tab>
        <Tabs.Tab value="cases">{t('nav.cases')}</Tabs.Tab>
        <Tabs.Tab value="team">{t('nav.team')}</Tabs.Tab>
        <Tabs.Tab value="memos">{t('memo.navTab')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="documents" className="pane" style={{ flex: 1 }}>
        <DocumentsNavigator />
      </Tabs.Panel>
      <Tabs.Panel value="codebook" className="pane" style={{ flex: 1 }}>
        <CodebookNavigator />
      </Tabs.Panel>
      <Tabs.Panel value="cases" className="pane" style={{ flex: 1 }}>
        <CasesNavigator />
      </Tabs.Panel>
      <Tabs.Panel value="team" className="pane" style={{ flex: 1 }}>
        <TeamNavigator />
      </Tabs.Panel>
      <Tabs.Panel value="memos" className="pane" style={{ flex: 1 }}>
        <MemosView />
      </Tabs.Panel>
    </Tabs>
  );
}
