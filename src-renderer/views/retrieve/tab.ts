import type { Target } from '../../stores/ui';

/** The Excerpts tab: one per project window (its query lives in the retrieve store). */
export const RETRIEVE_TAB: Target = { kind: 'retrieve', id: 'main' };
