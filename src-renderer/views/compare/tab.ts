import type { Target } from '../../stores/ui';

/** The Compare tab: one per project window (its settings live in the compare store). */
export const COMPARE_TAB: Target = { kind: 'compare', id: 'main' };
