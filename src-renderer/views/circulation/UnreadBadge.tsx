import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';

/** "3" in a badge, named "3 unread from other teams" for screen readers; nothing when none. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge size="xs" color="orange" variant="filled" role="img" aria-label={t('circulation.unread', { count })} style={{ flexShrink: 0 }}>
      {formatNumber(count)}
    </Badge>
  );
}
