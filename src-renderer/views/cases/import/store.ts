import { create } from 'zustand';
import { useUi } from '../../../stores/ui';

/**
 * Whether the "Import a case list" dialog is open. The dialog lives in the cases navigator, so
 * opening it also shows the cases, where the imported ones will appear.
 */
export const useCaseImport = create<{ readonly opened: boolean }>()(() => ({ opened: false }));

export function openCaseImport(): void {
  useUi.getState().showNavigator('cases');
  useCaseImport.setState({ opened: true });
}

export function closeCaseImport(): void {
  useCaseImport.setState({ opened: false });
}
