import type { Target } from '../../stores/ui';
import { useUi } from '../../stores/ui';
import { useSearch } from './store';

/** The Search tab: one per project window (its search lives in the search store). */
export const SEARCH_TAB: Target = { kind: 'search', id: 'main' };

/** Opens (or shows) the Search tab with the cursor in its box. */
export function openSearch(): void {
  useUi.getState().open(SEARCH_TAB);
  useSearch.getState().requestFocus();
}
