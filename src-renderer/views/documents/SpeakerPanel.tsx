import { useEffect, useId, useState } from 'react';
import { Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentSpeaker } from '../../../src-shared/contract/documents';
import { call } from '../../api/client';
import { useAnswer } from '../../api/useQuery';
import { useCaseNames, useCaseOptions } from '../../components/useCaseOptions';
import { attempt, useNotices } from '../../stores/notices';

/** The option that unlinks a label: case ids are UUIDs, so it is never one of them. */
const NO_CASE = 'no-case';

const panelId = (documentId: string): string => `speakers-${documentId}`;

/** Brings a document's speaker panel into view with the keyboard on its first label, for the Reader's way to it. */
export function showSpeakers(documentId: string): void {
  const panel = document.getElementById(panelId(documentId));
  panel?.scrollIntoView({ block: 'start' });
  panel?.querySelector<HTMLInputElement>('input:not([type="hidden"])')?.focus();
}

/**
 * A document's speaker labels, each with its turns, the case it speaks for (chosen from the
 * project's cases, or none) and whose turns it counts as. Changing a link is one step Ctrl+Z
 * undoes; the list follows every change of the project, undo included.
 */
export function SpeakerPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const heading = useId();
  const { result: speakers } = useAnswer('documents.speakers', { id: documentId });
  const caseOptions = useCaseOptions();
  const caseNames = useCaseNames();
  // The choice shows at once, not only when the list has been read again after it.
  const [chosen, setChosen] = useState<Readonly<Record<string, string | null>>>({});
  useEffect(() => setChosen({}), [speakers]);
  if (!speakers || speakers.length === 0) return null;

  const shownCase = (s: DocumentSpeaker): string | null => (Object.hasOwn(chosen, s.label) ? (chosen[s.label] ?? null) : s.caseId);
  const link = (speaker: DocumentSpeaker, caseId: string | null): void => {
    if (caseId === shownCase(speaker)) return;
    setChosen((c) => ({ ...c, [speaker.label]: caseId }));
    void attempt(async () => {
      await call('documents.linkSpeaker', { documentId, speaker: speaker.label, caseId });
      const name = caseId === null ? undefined : caseNames.get(caseId);
      useNotices.getState().push('info', name === undefined ? t('speakers.unlinked', { label: speaker.label }) : t('speakers.linked', { label: speaker.label, name }));
      return true;
    }).then((done) => {
      if (!done) setChosen(({ [speaker.label]: _failed, ...others }) => others);
    });
  };

  const data = [{ value: NO_CASE, label: t('speakers.noCase') }, ...caseOptions];
  return (
    <Stack component="section" id={panelId(documentId)} gap={6} mt="lg" mb="md" aria-labelledby={heading}>
      <Title order={4} id={heading}>
        {t('speakers.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('speakers.help')}
      </Text>
      <Stack component="ul" gap="xs" aria-label={t('speakers.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {speakers.map((s) => {
          // Whose turns they are as the core counts them (with the link it has, until it has the new one).
          const side = s.caseId === null && s.side === 'informant' ? 'unnamed' : s.side;
          return (
            <li key={s.label}>
              <Select
                size="xs"
                label={t('speakers.speaksFor', { label: s.label })}
                description={`${t('speakers.turns', { count: s.turns })} · ${t(`speakers.${side}`)}`}
                placeholder={t('speakers.notLinked')}
                value={shownCase(s)}
                onChange={(value) => link(s, value === NO_CASE ? null : value)}
                data={data}
                searchable
                clearable
                nothingFoundMessage={t('speakers.nothingFound')}
                limit={50}
              />
            </li>
          );
        })}
      </Stack>
    </Stack>
  );
}
