import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Following } from './presence';

interface FollowBarProps {
  readonly following: Following;
  /** The presenter's item on this agenda (0-based); -1 when it is not on it (any more). */
  readonly presenterIndex: number;
  readonly count: number;
}

/** The sentence an attendee hears and sees about the presentation they follow. */
function useStatus({ following, presenterIndex, count }: FollowBarProps): string {
  const { t } = useTranslation();
  const { presentation, ended, live } = following;
  if (!presentation) return t(ended ? 'meetings.followBar.ended' : 'meetings.followBar.waiting');
  const name = presentation.presenterName;
  if (presenterIndex < 0) return t('meetings.followBar.itemGone', { name });
  return t(live ? 'meetings.followBar.following' : 'meetings.followBar.onYourOwn', { name, n: presenterIndex + 1, count });
}

/**
 * For an attendee following a presentation: who presents and where (a live region, so a screen
 * reader says each move), whether they may decide, and stopping or following again.
 */
export function FollowBar(props: FollowBarProps) {
  const { t } = useTranslation();
  const { presentation, live, stop, resume } = props.following;
  const status = useStatus(props);
  return (
    <Paper withBorder p="sm" aria-label={t('meetings.followBar.region')} component="section">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text size="lg" fw={600} role="status" aria-live="polite" aria-atomic>
            {status}
          </Text>
          <Text size="sm" c="dimmed">
            {t(presentation?.allowDecisions ? 'meetings.followBar.mayDecide' : 'meetings.followBar.readOnly')}
          </Text>
        </div>
        {/* One button whose action turns over, so the keyboard focus stays on it. */}
        {presentation && (
          <Button variant={live ? 'default' : 'filled'} onClick={live ? stop : resume}>
            {t(live ? 'meetings.followBar.stop' : 'meetings.followBar.again')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
