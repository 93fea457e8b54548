import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { openImport, resetImport } from './actions';
import { ImportDialog } from './ImportDialog';

/** Only drags carrying files concern the import; a code dragged out of the codebook does not. */
const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dropped anywhere on the project window open the import dialog with them. Mounted with the
 * project window, so dropping works only while a project is open; it also hosts the dialog.
 */
export function ImportDropZone() {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0;
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      // Without this the browser would open the dropped file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent): void => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) openImport(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      // The project closed: its staged files went with it.
      resetImport();
    };
  }, []);

  return (
    <>
      {dragging && (
        // Only a visual cue for the mouse; the dialog itself announces what was dropped.
        <div
          aria-hidden
          style={{
            position: 'fixed',
            inset: 8,
            zIndex: 500,
            pointerEvents: 'none',
            border: '3px dashed var(--mantine-color-indigo-5)',
            borderRadius: 8,
            background: 'rgba(255, 255, 255, 0.75)',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          <Text size="xl" fw={600} c="indigo.8">
            {t('import.dropHere')}
          </Text>
        </div>
      )}
      <ImportDialog />
    </>
  );
}
