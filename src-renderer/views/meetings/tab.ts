import type { Target } from '../../stores/ui';

/** The Meetings tab: one per project window. */
export const MEETINGS_TAB: Target = { kind: 'meetings', id: 'main' };
