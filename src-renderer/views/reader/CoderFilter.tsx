import { Button, Checkbox, Popover, Select, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentCoding, Member } from '../../../src-shared/model/entities';
import { formatNumber } from '../../i18n';
import { useData } from '../../stores/data';
import { useSession } from '../../stores/session';
import { codersOf } from './model';
import { useReader } from './store';

/**
 * Whose codings the reader shows: everyone's, some coders switched off one by one, blind coding —
 * only one's own, so others' choices cannot sway the coder — or two coders compared side by side.
 */
export function CoderFilter({ codings }: { codings: readonly DocumentCoding[] }) {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  const actorId = useSession((s) => s.project?.actor.id);
  const { blind, hiddenCoderIds, compare, setBlind, toggleCoder, setCompare } = useReader();
  const coders = codersOf(codings);
  const nameOf = (id: string) => (id === actorId ? t('reader.me') : (members.find((m) => m.id === id)?.name ?? '?'));
  const hiddenHere = coders.filter((c) => hiddenCoderIds.includes(c.coderId)).length;
  // Those who coded here first (most codings first), then the rest of the team.
  const choices = [...coders.map((c) => c.coderId), ...members.filter((m) => !m.archived && !coders.some((c) => c.coderId === m.id)).map((m) => m.id)].map((id) => ({
    value: id,
    label: members.find((m) => m.id === id)?.name ?? '?',
  }));
  const startCompare = (on: boolean) => {
    if (!on) return setCompare(null);
    const [a, b] = choices;
    if (a && b) setCompare({ a: a.value, b: b.value });
  };
  const choose = (side: 'a' | 'b', id: string | null) => {
    if (!compare || !id) return;
    const other = side === 'a' ? compare.b : compare.a;
    // Choosing the other side's coder swaps the two.
    setCompare(side === 'a' ? { a: id, b: id === other ? compare.a : other } : { a: id === other ? compare.b : other, b: id });
  };
  return (
    <Popover position="bottom-end" trapFocus returnFocus>
      <Popover.Target>
        <Button size="compact-xs" variant={blind || hiddenHere > 0 || compare ? 'light' : 'default'} ml="auto">
          {compare ? t('reader.compare.on') : blind ? t('reader.blindOn') : hiddenHere > 0 ? t('reader.codersSome', { count: coders.length - hiddenHere }) : t('reader.coders')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Switch size="xs" label={t('reader.blind')} checked={blind} disabled={compare !== null} onChange={(e) => setBlind(e.currentTarget.checked)} />
          <Switch size="xs" label={t('reader.compare.mode')} checked={compare !== null} disabled={blind || choices.length < 2} onChange={(e) => startCompare(e.currentTarget.checked)} />
          {compare ? (
            <>
              <Select size="xs" label={t('reader.compare.coderA')} data={choices} value={compare.a} allowDeselect={false} onChange={(id) => choose('a', id)} comboboxProps={{ withinPortal: false }} />
              <Select size="xs" label={t('reader.compare.coderB')} data={choices} value={compare.b} allowDeselect={false} onChange={(id) => choose('b', id)} comboboxProps={{ withinPortal: false }} />
            </>
          ) : (
            <>
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
            </>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Who is compared, in their colours and in the order of their stripe groups (A left, B right). */
export function CompareLegend({ a, b, differing }: { a: Member; b: Member; differing: number }) {
  const { t } = useTranslation();
  const swatch = (m: Member, side: 'A' | 'B') => (
    <span className="compare-legend" title={m.name}>
      <span className="swatch" style={{ background: m.color }} aria-hidden="true" />
      <b>{side}</b> {m.initials || m.name} ({m.name})
    </span>
  );
  return (
    <Text component="span" size="xs" role="status" aria-label={t('reader.compare.legend', { a: a.name, b: b.name, count: differing })}>
      {swatch(a, 'A')} · {swatch(b, 'B')} · {t('reader.compare.differing', { count: differing })}
    </Text>
  );
}
