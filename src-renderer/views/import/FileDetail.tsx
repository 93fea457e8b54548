import { MultiSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { editRow } from './actions';
import { formatSize } from './model';
import { useImport } from './store';
import { useCaseOptions } from '../../components/useCaseOptions';
import { EncodingChoice } from './EncodingChoice';
import { CleanupChoices } from './CleanupChoices';
import { SpeakerLinks } from './SpeakerLinks';
import { Excerpt } from './Excerpt';

/** The selected file: how it is read (encoding, clean-up), who speaks in it, and its text. */
export function FileDetail() {
  const { t, i18n } = useTranslation();
  const row = useImport((s) => s.rows.find((r) => r.stagedId === s.selected));
  const caseOptions = useCaseOptions();
  if (!row) return null;
  const p = row.preview;
  const counts = [
    // A transcript has turns, an essay paragraphs: only what the text has, but never nothing.
    ...(p.paragraphs > 0 || p.turns === 0 ? [t('import.paragraphs', { count: p.paragraphs })] : []),
    ...(p.turns > 0 ? [t('import.turns', { count: p.turns })] : []),
    ...(p.directions > 0 ? [t('import.directions', { count: p.directions })] : []),
    ...(p.pages > 0 ? [t('import.pages', { count: p.pages })] : []),
  ];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="import-detail-title">
      <Title order={4} id="import-detail-title" style={{ overflowWrap: 'anywhere' }}>
        {row.fileName}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {[p.format.toUpperCase(), formatSize(p.size, i18n.language), ...counts].join(' · ')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <EncodingChoice row={row} />
          <CleanupChoices row={row} />
          <MultiSelect
            label={t('import.cases')}
            value={[...row.caseIds]}
            onChange={(caseIds) => editRow(row.stagedId, { caseIds })}
            data={caseOptions}
            searchable
            limit={50}
          />
          <SpeakerLinks row={row} />
        </Stack>
        <Excerpt preview={p} />
      </SimpleGrid>
    </Paper>
  );
}
