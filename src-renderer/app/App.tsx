import { useEffect, useState } from 'react';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';
import { COMMANDS } from './commands';
import { CommandPalette } from '../components/CommandPalette';
import { Notices } from '../components/Notices';
import { Welcome } from '../views/welcome/Welcome';
import { ProjectWindow } from '../views/project/ProjectWindow';
import { useSession } from '../stores/session';
import { reportError } from '../stores/notices';

export function App() {
  const { t } = useTranslation();
  const project = useSession((s) => s.project);
  const [booted, setBooted] = useState(false);

  useEffect(() => {
    useSession.getState().boot().catch(reportError).finally(() => setBooted(true));
  }, []);

  useHotkeys(
    COMMANDS.filter((c) => c.shortcut && (!c.needsProject || project)).map((c) => [c.shortcut!, () => void c.run()]),
    // Undo in a text field belongs to the field.
    ['INPUT', 'TEXTAREA'],
  );

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {!booted ? (
        <Center h="100vh">
          <Loader aria-label={t('status.working')} />
        </Center>
      ) : project ? (
        <ProjectWindow />
      ) : (
        <Welcome />
      )}
      <CommandPalette />
      <Notices />
    </MantineProvider>
  );
}
