import { useTranslation } from 'react-i18next';
import { Navigator } from './Navigator';
import { WorkArea } from './WorkArea';
import { Inspector } from './Inspector';
import { StatusBar } from './StatusBar';
import { ImportDropZone } from '../import/ImportDropZone';

/** Navigator, work area and inspector side by side, the status bar below. */
export function ProjectWindow() {
  const { t } = useTranslation();
  return (
    <div className="window">
      <div className="panes">
        <nav className="pane" aria-label={t('nav.label')}>
          <Navigator />
        </nav>
        <main className="pane" aria-label={t('work.label')}>
          <WorkArea />
        </main>
        <aside className="pane" aria-label={t('inspector.label')}>
          <Inspector />
        </aside>
      </div>
      <StatusBar />
      <ImportDropZone />
    </div>
  );
}
