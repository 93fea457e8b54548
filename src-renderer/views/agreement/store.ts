import { create } from 'zustand';
import type { AgreementUnit } from '../../../src-shared/contract/agreement';

export type AgreementRows = 'code' | 'document' | 'case';

/** What the Agreement tab asks, kept outside the view so switching tabs loses nothing. */
interface AgreementState {
  readonly coderIds: readonly string[];
  /** Empty: every code not archived. */
  readonly codeIds: readonly string[];
  /** Empty: every document (of the cases chosen). */
  readonly documentIds: readonly string[];
  readonly caseIds: readonly string[];
  readonly unit: AgreementUnit;
  readonly includeSubcodes: boolean;
  readonly includeUncoded: boolean;
  readonly rows: AgreementRows;
  set(patch: Partial<Omit<AgreementState, 'set'>>): void;
}

export const useAgreement = create<AgreementState>()((set) => ({
  coderIds: [],
  codeIds: [],
  documentIds: [],
  caseIds: [],
  unit: 'paragraph',
  includeSubcodes: false,
  includeUncoded: false,
  rows: 'code',
  set: (patch) => set(patch),
}));
