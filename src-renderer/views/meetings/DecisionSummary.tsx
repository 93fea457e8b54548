import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingDecision } from '../../../src-shared/contract';

/** What was decided on an item, in a line: the outcome, what it changed, and who decided. */
export function DecisionSummary({ decision, size = 'sm' }: { readonly decision: MeetingDecision; readonly size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  const d = decision.details;
  const detail: string = (() => {
    switch (decision.outcome) {
      case 'recode':
      case 'split':
      case 'merge':
        return t('meetings.decision.fromTo', { from: d.fromCodeName ?? '?', to: d.toCodeName ?? '?' });
      case 'disagreement':
        return t('meetings.decision.disagreementDetail', { coder: d.coderName ?? '?', coderCode: d.fromCodeName ?? '?', reviewer: d.reviewerName ?? '?', reviewerCode: d.toCodeName ?? '?' });
      case 'refine-definition':
        return d.codeName ?? '';
      case 'flag-for-paper':
        return d.paper ?? '';
      case 'keep':
        return '';
    }
  })();
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Badge color={decision.outcome === 'disagreement' ? 'orange' : 'teal'} size={size === 'lg' ? 'lg' : 'sm'}>
          {t(`meetings.outcomes.${decision.outcome}`)}
        </Badge>
        {detail && <Text size={size}>{detail}</Text>}
        <Text size="xs" c="dimmed">
          {t('meetings.decision.by', { name: decision.decidedByName })}
        </Text>
      </Group>
      {decision.note.trim() && (
        <Text size={size} mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {decision.note}
        </Text>
      )}
    </div>
  );
}
