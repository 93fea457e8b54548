import { Button, Checkbox, Popover, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentCoding } from '../../../src-shared/model/entities';
import { formatNumber } from '../../i18n';
import { useData } from '../../stores/data';
import { useSession } from '../../stores/session';
import { codersOf } from './model';
import { useReader } from './store';

/**
 * Whose codings the reader shows: everyone's, some coders switched off one by one (to compare
 * two colleagues), or blind coding — only one's own, so others' choices cannot sway the coder.
 */
export function CoderFilter({ codings }: { codings: readonly DocumentCoding[] }) {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  const actorId = useSession((s) => s.project?.actor.id);
  const { blind, hiddenCoderIds, setBlind, toggleCoder } = useReader();
  const coders = codersOf(codings);
  const nameOf = (id: string) => (id === actorId ? t('reader.me') : (members.find((m) => m.id === id)?.name ?? '?'));
  const hiddenHere = coders.filter((c) => hiddenCoderIds.includes(c.coderId)).length;
  return (
    <Popover position="bottom-end" trapFocus returnFocus>
      <Popover.Target>
        <Button size="compact-xs" variant={blind || hiddenHere > 0 ? 'light' : 'default'} ml="auto">
          {blind ? t('reader.blindOn') : hiddenHere > 0 ? t('reader.codersSome', { count: coders.length - hiddenHere }) : t('reader.coders')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Switch size="xs" label={t('reader.blind')} checked={blind} onChange={(e) => setBlind(e.currentTarget.checked)} />
          <Text size="xs" c="dimmed">
            {t('reader.showCoders')}
          </Text>
          {coders.map(({ coderId, count }) => (
            <Checkbox
              key={coderId}
              size="xs"
              disabled={blind}
              checked={!blind && !hiddenCoderIds.includes(coderId)}
              onChange={() => toggleCoder(coderId)}
              label={`${nameOf(coderId)} (${formatNumber(count)})`}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
