import { Alert, CloseButton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../stores/notices';

/** Errors and confirmations, announced to screen readers, never blocking the window. */
export function Notices() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <Stack className="notices" gap="xs" aria-live="polite">
      {notices.map((n) => (
        <Alert
          key={n.id}
          color={n.tone === 'error' ? 'red' : 'indigo'}
          role={n.tone === 'error' ? 'alert' : 'status'}
          title={n.tone === 'error' ? t('errors.title') : undefined}
          withCloseButton={false}
        >
          <div className="notice-body">
            <span>{n.message}</span>
            <CloseButton size="sm" aria-label={t('errors.dismiss')} onClick={() => dismiss(n.id)} />
          </div>
        </Alert>
      ))}
    </Stack>
  );
}
