import { useData } from '../../stores/data';
import { RenameDialog } from './RenameDialog';
import { MoveDialog } from './MoveDialog';
import { MergeDialog } from './MergeDialog';
import { DeleteDialog } from './DeleteDialog';

export type CodeDialogKind = 'rename' | 'move' | 'merge' | 'delete';

export interface CodeDialog {
  readonly kind: CodeDialogKind;
  readonly codeId: string;
}

/**
 * The open codebook dialog, if any. The navigator and the code page each keep their own, since
 * either may be shown without the other.
 */
export function CodeDialogs({ dialog, onClose }: { dialog: CodeDialog | null; onClose: () => void }) {
  const code = useData((s) => (dialog ? s.codes.find((c) => c.id === dialog.codeId) : undefined));
  if (!dialog || !code) return null;
  const props = { code, onClose };
  const key = `${dialog.kind}:${code.id}`;
  switch (dialog.kind) {
    case 'rename':
      return <RenameDialog key={key} {...props} />;
    case 'move':
      return <MoveDialog key={key} {...props} />;
    case 'merge':
      return <MergeDialog key={key} {...props} />;
    case 'delete':
      return <DeleteDialog key={key} {...props} />;
  }
}
