import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { targetKey, useUi } from '../../stores/ui';
import { useTextPainted } from '../../api/useDocument';
import { DocumentMetadataForm } from '../documents/DocumentMetadataForm';
import { SpeakerPanel } from '../documents/SpeakerPanel';
import { CodingInspector } from '../reader/CodingInspector';
import { CodeSummary } from '../codebook/CodeSummary';
import { CaseDocuments } from '../cases/CaseDocuments';
// Memos of the active document, code or case, below its details (views/memos).
import { MemoPanel } from '../memos/MemoPanel';
import { MemoDetails } from '../memos/MemoDetails';

/** Details of what is active in the work area. */
export function Inspector() {
  const { t } = useTranslation();
  const target = useUi((s) => s.tabs.find((tab) => targetKey(tab) === s.active));
  // A document's details (a form of selects, as much work as the Reader's first screen) come
  // once its text is on screen, so opening a document shows the text first.
  const textShown = useTextPainted(target?.kind === 'document' ? target.id : null);
  return (
    <div className="pane-scroll" style={{ padding: 10 }}>
      {target?.kind === 'document' ? (
        textShown && (
          <>
            <CodingInspector documentId={target.id} />
            <DocumentMetadataForm key={target.id} id={target.id} />
            {/* Below the details: which case each speaker label is, beside the interviewers and cases they name. */}
            <SpeakerPanel key={`speakers-${target.id}`} documentId={target.id} />
          </>
        )
      ) : target?.kind === 'code' ? (
        <CodeSummary id={target.id} />
      ) : target?.kind === 'case' ? (
        <CaseDocuments id={target.id} />
      ) : target?.kind === 'memo' ? (
        <MemoDetails id={target.id} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('inspector.nothing')}
        </Text>
      )}
      {/* A code's memos are on its page in the work area. */}
      {((target?.kind === 'document' && textShown) || target?.kind === 'case') && (
        <MemoPanel key={targetKey(target)} targetType={target.kind} targetId={target.id} />
      )}
    </div>
  );
}
