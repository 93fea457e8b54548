import type { Target } from '../../stores/ui';

/** The Pseudonyms tab: one per project window. */
export const PSEUDONYMS_TAB: Target = { kind: 'pseudonyms', id: 'main' };
