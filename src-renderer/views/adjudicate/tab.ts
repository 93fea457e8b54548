import type { Target } from '../../stores/ui';

/** The Adjudicate tab: one per project window (its settings live in the adjudicate store). */
export const ADJUDICATE_TAB: Target = { kind: 'adjudicate', id: 'main' };
