import type { ReactNode, SyntheticEvent } from 'react';
import { Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { moveCode, setArchived } from './actions';
import type { CodeDialogKind } from './CodeDialogs';
import { stepMove } from './tree';

// React events bubble out of portals along the component tree: without this, a click or an arrow
// key in the dropdown would also reach the tree row that owns the menu (opening or moving focus).
const contain = (event: SyntheticEvent) => event.stopPropagation();

interface CodeMenuProps {
  readonly code: Code;
  readonly opened: boolean;
  readonly onChange: (opened: boolean) => void;
  readonly onDialog: (kind: CodeDialogKind) => void;
  /** Where focus goes when the menu closes (the tree row, not the small "⋯" button). */
  readonly onClosed?: () => void;
  readonly target: ReactNode;
}

/** Everything one can do to a code, in one menu: the keyboard's equal of dragging and right-clicking. */
export function CodeMenu({ code, opened, onChange, onDialog, onClosed, target }: CodeMenuProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const open = useUi((s) => s.open);
  const up = opened ? stepMove(codes, code.id, 'up') : null;
  const down = opened ? stepMove(codes, code.id, 'down') : null;
  return (
    <Menu opened={opened} onChange={onChange} onClose={onClosed} returnFocus={!onClosed} position="bottom-end" withinPortal>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown onClick={contain} onKeyDown={contain} onDoubleClick={contain} onContextMenu={contain}>
        <Menu.Item onClick={() => open({ kind: 'new-code', parentId: code.id })}>{t('codebook.newSubCode')}</Menu.Item>
        <Menu.Item onClick={() => onDialog('rename')}>{t('codebook.rename')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item disabled={!up} onClick={() => up && void moveCode(up)}>
          {t('codebook.moveUp')}
        </Menu.Item>
        <Menu.Item disabled={!down} onClick={() => down && void moveCode(down)}>
          {t('codebook.moveDown')}
        </Menu.Item>
        <Menu.Item onClick={() => onDialog('move')}>{t('codebook.moveTo')}</Menu.Item>
        <Menu.Item onClick={() => onDialog('merge')}>{t('codebook.mergeInto')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void setArchived(code.id, !code.archived)}>{t(code.archived ? 'codebook.restore' : 'codebook.archive')}</Menu.Item>
        <Menu.Item color="red" onClick={() => onDialog('delete')}>
          {t('codebook.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
