import type { Target } from '../../stores/ui';

/** The Agreement tab: one per project window (its settings live in the agreement store). */
export const AGREEMENT_TAB: Target = { kind: 'agreement', id: 'main' };
