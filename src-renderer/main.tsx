import '@mantine/core/styles.css';
import '@mantine/spotlight/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { call } from './api/client';
import { initI18n } from './i18n';

async function start(): Promise<void> {
  const settings = await call('app.settings', {}).catch(() => null);
  await initI18n(settings?.language ?? (navigator.language.startsWith('ru') ? 'ru' : 'en'));
  createRoot(document.getElementById('root')!).render(<App />);
}

void start();
