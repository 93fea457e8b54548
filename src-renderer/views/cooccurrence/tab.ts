import type { Target } from '../../stores/ui';

/** The Co-occurrence tab: one per project window (its settings live in the cooccurrence store). */
export const COOCCURRENCE_TAB: Target = { kind: 'cooccurrence', id: 'main' };
