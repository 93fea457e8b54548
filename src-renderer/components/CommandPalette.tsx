import { Spotlight } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../app/commands';
import { useSession } from '../stores/session';

const shown = (shortcut: string): string => shortcut.replace('mod', navigator.platform.includes('Mac') ? '⌘' : 'Ctrl').replace(/\+/g, '+').toUpperCase();

/** Every action by keyboard: Ctrl+K (⌘K), type, Enter. */
export function CommandPalette() {
  const { t } = useTranslation();
  const hasProject = useSession((s) => s.project !== null);
  const actions = COMMANDS.filter((c) => hasProject || !c.needsProject).map((c) => ({
    id: c.id,
    label: t(c.label),
    description: c.shortcut ? shown(c.shortcut) : undefined,
    onClick: () => void c.run(),
  }));
  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K', 'mod + shift + P']}
      nothingFound={t('commands.nothing')}
      highlightQuery
      searchProps={{ placeholder: t('commands.search'), 'aria-label': t('commands.palette') }}
      aria-label={t('commands.palette')}
    />
  );
}
