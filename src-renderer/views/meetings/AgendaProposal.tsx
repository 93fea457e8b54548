import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Loader, MultiSelect, Paper, SimpleGrid, Stack, Switch, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgendaCandidate, AgendaGroup, Meeting } from '../../../src-shared/contract';
import { useAnswer } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { formatWhen } from '../memos/format';
import { codeOptions } from '../codebook/tree';
import { CoderSelect } from '../../components/CoderSelect';
import { saveAgenda } from './AgendaEditor';
import { refKey, refsOf, withAdded } from './model';

/** Candidates shown per group before "Show more": a week of a busy team is hundreds of codings. */
const PAGE = 50;

function groupLabel(group: AgendaGroup, t: (key: string) => string): string {
  if (group.kind === 'document') return t('meetings.proposal.documents');
  if (group.kind === 'memo') return t('meetings.proposal.memos');
  return group.label;
}

interface GroupProps {
  readonly group: AgendaGroup;
  readonly chosen: ReadonlySet<string>;
  setChosen(keys: readonly string[], on: boolean): void;
}

/** One group: a checkbox for all of it, and its candidates when opened. */
function CandidateGroup({ group, chosen, setChosen }: GroupProps) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(0);
  const open = group.candidates.filter((c) => !c.onAgenda);
  const keys = open.map(refKey);
  const picked = keys.filter((k) => chosen.has(k)).length;
  const label = groupLabel(group, t);
  const describe = (c: AgendaCandidate): string => [c.documentTitle !== c.label ? c.documentTitle : null, c.personName, formatWhen(c.changedAt, i18n.language), t(`meetings.proposal.${c.change}`)].filter(Boolean).join(' · ');
  return (
    <div role="group" aria-label={label} style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: '6px 0' }}>
      <Group justify="space-between" wrap="nowrap">
        <Checkbox
          label={t('meetings.proposal.groupLabel', { label, count: group.candidates.length })}
          checked={keys.length > 0 && picked === keys.length}
          indeterminate={picked > 0 && picked < keys.length}
          disabled={keys.length === 0}
          onChange={(e) => setChosen(keys, e.currentTarget.checked)}
        />
        <UnstyledButton fz="sm" c="blue" onClick={() => setShown(shown > 0 ? 0 : PAGE)} aria-expanded={shown > 0} aria-label={t(shown > 0 ? 'meetings.proposal.hide' : 'meetings.proposal.show', { label })}>
          {shown > 0 ? t('meetings.proposal.hideShort') : t('meetings.proposal.showShort')}
        </UnstyledButton>
      </Group>
      {shown > 0 && (
        <Stack gap={6} pl="lg" pt={6}>
          {group.candidates.slice(0, shown).map((c) => (
            <Checkbox
              key={refKey(c)}
              label={c.kind === 'coding' ? `«${c.quote ?? ''}»` : c.label}
              description={c.onAgenda ? `${describe(c)} · ${t('meetings.proposal.onAgenda')}` : describe(c)}
              checked={c.onAgenda || chosen.has(refKey(c))}
              disabled={c.onAgenda}
              onChange={(e) => setChosen([refKey(c)], e.currentTarget.checked)}
              styles={{ label: { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' } }}
            />
          ))}
          {group.candidates.length > shown && (
            <Button size="compact-xs" variant="subtle" onClick={() => setShown(shown + PAGE)}>
              {t('meetings.proposal.more', { count: Math.min(PAGE, group.candidates.length - shown) })}
            </Button>
          )}
        </Stack>
      )}
    </div>
  );
}

/**
 * "New since last meeting": codings, documents and memos added or changed since the team met,
 * filtered by code, case (an enterprise and its informants) and coder, in groups to tick and add
 * to the agenda in one step.
 */
export function AgendaProposal({ meeting }: { readonly meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const { codes, cases } = useData();
  const [codeIds, setCodeIds] = useState<string[]>([]);
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [coderIds, setCoderIds] = useState<string[]>([]);
  const [teamMembersOnly, setTeamMembersOnly] = useState(true);
  const [chosen, setChosenSet] = useState<ReadonlySet<string>>(new Set());
  const { arrived, result: proposal } = useAnswer('meetings.proposeAgenda', { meetingId: meeting.id, filters: { codeIds, caseIds, coderIds, teamMembersOnly } });
  const codeData = useMemo(() => codeOptions(codes), [codes]);
  const caseData = useMemo(() => cases.map((c) => ({ value: c.id, label: c.name })), [cases]);
  const candidates = useMemo(() => (proposal?.groups ?? []).flatMap((g) => g.candidates), [proposal]);
  const open = candidates.filter((c) => !c.onAgenda);
  const picked = open.filter((c) => chosen.has(refKey(c)));

  const setChosen = (keys: readonly string[], on: boolean): void =>
    setChosenSet((s) => {
      const next = new Set(s);
      for (const k of keys) if (on) next.add(k);
      else next.delete(k);
      return next;
    });
  const add = async (): Promise<void> => {
    const saved = await saveAgenda(meeting.id, withAdded(refsOf(meeting.items), picked.map((c) => ({ kind: c.kind, targetId: c.targetId }))));
    if (saved) setChosenSet(new Set());
  };

  return (
    <Paper withBorder p="md">
      <Title order={4} size="h5" mb={4}>
        {t('meetings.proposal.heading')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {proposal?.since ? t('meetings.proposal.since', { when: formatWhen(proposal.since, i18n.language) }) : t('meetings.proposal.everything')}
      </Text>
      <SimpleGrid cols={{ base: 1, xl: 3 }} spacing="xs">
        <MultiSelect label={t('meetings.proposal.codes')} data={codeData} value={codeIds} onChange={setCodeIds} searchable clearable limit={200} comboboxProps={{ withinPortal: true }} />
        <MultiSelect label={t('meetings.proposal.cases')} data={caseData} value={caseIds} onChange={setCaseIds} searchable clearable limit={200} comboboxProps={{ withinPortal: true }} />
        <CoderSelect value={coderIds} onChange={setCoderIds} />
      </SimpleGrid>
      <Switch mt="xs" label={t('meetings.proposal.teamOnly', { team: meeting.team })} checked={teamMembersOnly} onChange={(e) => setTeamMembersOnly(e.currentTarget.checked)} />
      <Group justify="space-between" mt="sm" mb="xs">
        <Text size="sm" aria-live="polite">
          {arrived ? t('meetings.proposal.found', { count: candidates.length }) : <Loader size="xs" />}
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => setChosen(open.map(refKey), true)} disabled={open.length === 0}>
            {t('meetings.proposal.selectAll')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setChosenSet(new Set())} disabled={chosen.size === 0}>
            {t('meetings.proposal.clear')}
          </Button>
          <Button size="compact-sm" onClick={() => void add()} disabled={picked.length === 0}>
            {t('meetings.proposal.add', { count: picked.length })}
          </Button>
        </Group>
      </Group>
      {arrived && candidates.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.proposal.nothing')}
        </Text>
      )}
      {(proposal?.groups ?? []).map((g) => (
        <CandidateGroup key={g.key} group={g} chosen={chosen} setChosen={setChosen} />
      ))}
    </Paper>
  );
}
