import { useUi } from '../../stores/ui';
import { useMeetings } from './store';
import { MEETINGS_TAB } from './tab';

/** Opens the Meetings tab on one meeting (from a code's history, where a decision came from it). */
export function openMeeting(id: string): void {
  useMeetings.getState().select(id);
  useUi.getState().open(MEETINGS_TAB);
}
