import { Badge, Group, Loader, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, TextSegment } from '../../../src-shared/model/entities';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import { useQuery } from '../../api/useQuery';

/** The words of a turn without its label (shown in the margin) and timestamp. */
function turnBody(text: string, segment: TextSegment): string {
  const raw = text.slice(segment.start, segment.end);
  if (!segment.speaker) return raw;
  const at = raw.indexOf(`${segment.speaker}:`);
  return at >= 0 && at <= 24 ? raw.slice(at + segment.speaker.length + 1).trimStart() : raw;
}

function Body({ detail }: { detail: DocumentDetail }) {
  return (
    <>
      {detail.segments.map((s) =>
        s.kind === 'turn' ? (
          <div className="turn" key={s.start}>
            <div className="speaker">
              {s.speaker ?? '—'}
              {s.timestamp && <span className="timestamp">{s.timestamp}</span>}
            </div>
            <div>{turnBody(detail.text, s)}</div>
          </div>
        ) : (
          <p className="paragraph" key={s.start}>
            {detail.text.slice(s.start, s.end)}
          </p>
        ),
      )}
    </>
  );
}

/** A document's text, turn by turn, with its essentials in the header. (Coding happens in the Reader.) */
export function DocumentPane({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useQuery('documents.get', { id });
  if (!detail) return <Loader size="sm" m="md" aria-label={t('status.working')} />;
  const turns = detail.segments.filter((s) => s.kind === 'turn').length;
  return (
    <article className="doc-text" aria-label={t('document.text', { title: detail.title })}>
      <Title order={2} size="h3">
        {detail.title}
      </Title>
      <Group gap={6} mb="md" mt={4}>
        <Badge variant="light">{t(`kinds.${detail.kind}`)}</Badge>
        {detail.date && <Text size="sm">{formatFuzzyDate(detail.date, i18n.language === 'ru' ? 'ru' : 'en')}</Text>}
        <Text size="sm" c="dimmed">
          {t('document.revision', { number: detail.revisionNumber })} · {t('document.characters', { count: detail.length })}
          {turns > 0 && ` · ${t('document.turns', { count: turns })}`}
        </Text>
        {detail.needsReviewCount > 0 && (
          <Badge color="orange" variant="light">
            {t('document.needsReview', { count: detail.needsReviewCount })}
          </Badge>
        )}
      </Group>
      <Body detail={detail} />
    </article>
  );
}
