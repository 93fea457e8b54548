import { call } from '../../api/client';
import { attempt } from '../../stores/notices';
import type { PickerChoice } from './CodePicker';
import type { PendingPassage } from './store';
import { useReader } from './store';

/** Codes a passage with a chosen or new code; remembers the code as recent and selects the new coding. */
export function codePassage(passage: PendingPassage, choice: PickerChoice): Promise<unknown> {
  return attempt(async () => {
    const codeId = 'codeId' in choice ? choice.codeId : (await call('codes.create', { name: choice.newName })).id;
    const coding = await call('codings.apply', { documentId: passage.documentId, codeId, start: passage.start, end: passage.end });
    const reader = useReader.getState();
    reader.used(codeId);
    reader.setPending(null);
    reader.selectCoding(coding.id);
    window.getSelection()?.removeAllRanges();
  });
}

export function recode(codingId: string, choice: PickerChoice): Promise<unknown> {
  return attempt(async () => {
    const codeId = 'codeId' in choice ? choice.codeId : (await call('codes.create', { name: choice.newName })).id;
    await call('codings.recode', { id: codingId, codeId });
    useReader.getState().used(codeId);
  });
}

export function removeCoding(codingId: string): Promise<unknown> {
  return attempt(async () => {
    await call('codings.remove', { id: codingId });
    useReader.getState().selectCoding(null);
  });
}

/** Moves a coding's ends (one undoable change); the callers snap them as the gesture asks. */
export function resizeCoding(codingId: string, start: number, end: number): Promise<unknown> {
  return attempt(() => call('codings.resize', { id: codingId, start, end }));
}
