import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { useNotices } from '../../stores/notices';
import { useData } from '../../stores/data';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function StatusBar() {
  const { t } = useTranslation();
  const project = useSession((s) => s.project);
  const progress = useNotices((s) => s.progress);
  const documents = useData((s) => s.documents.length);
  const codings = useData((s) => s.codes.reduce((n, c) => n + c.codingCount, 0));
  if (!project) return null;
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span>{t('status.project', { name: project.name })}</span>
      <span>{t('nav.documentsCount', { count: documents })}</span>
      <span>{t('nav.codingsCount', { count: codings })}</span>
      <span className="spacer" />
      {progress && (
        <span role="status">
          <Loader size={10} /> {t(`status.tasks.${progress.task}`, { defaultValue: progress.task })} {progress.total > 0 ? `${progress.done}/${progress.total}` : ''}
        </span>
      )}
      <span>
        <span className="swatch" style={{ display: 'inline-block', background: project.actor.color, marginRight: 4 }} />
        {t('status.coder', { name: project.actor.name })}
      </span>
      <LanguageSwitch />
    </footer>
  );
}
