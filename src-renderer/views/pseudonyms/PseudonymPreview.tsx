import { Alert, Text } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pseudonymizer } from '../../../src-shared/text/pseudonyms';

/**
 * A text as exports show it, read-only: every registered real name replaced by its pseudonym and
 * marked. A preview beside the stored text rather than an overlay on it, because a pseudonym is
 * rarely as long as the name it stands for and views that code or edit work in the stored text's
 * offsets.
 */
export function PseudonymPreview({ text, title, overlay }: { text: string; title: string; overlay: Pseudonymizer | null }) {
  const { t } = useTranslation();
  const hits = useMemo(() => overlay?.find(text) ?? [], [overlay, text]);
  const pieces = useMemo(() => {
    const out: { text: string; replaced: boolean }[] = [];
    let at = 0;
    for (const hit of hits) {
      if (hit.start > at) out.push({ text: text.slice(at, hit.start), replaced: false });
      out.push({ text: hit.replacement, replaced: true });
      at = hit.end;
    }
    if (at < text.length) out.push({ text: text.slice(at), replaced: false });
    return out;
  }, [hits, text]);
  return (
    <>
      <Alert color={overlay ? 'blue' : 'gray'} p={6} m="xs" role="status">
        {overlay ? t('pseudonyms.previewNote', { count: hits.length }) : t('pseudonyms.previewEmpty')}
      </Alert>
      <Text
        component="div"
        role="document"
        aria-label={t('pseudonyms.preview', { title })}
        aria-readonly="true"
        tabIndex={0}
        size="sm"
        px="md"
        pb="md"
        style={{ whiteSpace: 'pre-wrap', overflowY: 'auto', flex: 1, minHeight: 0 }}
      >
        {pieces.map((p, i) => (p.replaced ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
      </Text>
    </>
  );
}
