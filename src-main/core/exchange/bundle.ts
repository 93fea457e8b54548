import type { ChangeKind } from '../mutation/writer';

/** The exchange file format's version: a newer one is refused with a clear message. */
export const BUNDLE_VERSION = 1;
export const BUNDLE_FORMAT = 'quire-bundle';

/** One row change of an operation as it travels: inserts carry the whole row as created. */
export interface BundleChange {
  readonly tbl: string;
  readonly row: string;
  readonly kind: ChangeKind;
  /** insert: the whole row; update: the changed columns after; delete: null. */
  readonly image: Readonly<Record<string, unknown>> | null;
}

/** One operation of a copy's change log, with the copy it was first made in. */
export interface BundleOperation {
  readonly id: string;
  readonly at: string;
  readonly actorId: string;
  readonly method: string;
  readonly summary: string;
  /** The operation's (compact) input as JSON: a code merge names its target here. */
  readonly input: string;
  readonly replicaId: string;
  readonly changes: readonly BundleChange[];
}

/** What a bundle says about itself: checked before anything is merged. */
export interface BundleHeader {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: number;
  readonly projectId: string;
  readonly projectName: string;
  readonly replicaId: string;
  /** Who made the bundle (the copy's owner as a member name). */
  readonly replicaName: string;
  readonly createdAt: string;
  readonly schemaVersion: number;
  /** Every operation the sending copy holds, by id: edits of mine they did not know are concurrent. */
  readonly knows: readonly string[];
}

export interface Bundle {
  readonly header: BundleHeader;
  readonly operations: readonly BundleOperation[];
}

/**
 * A colleague's work as it comes in: the header at once, the operations when asked for, leaving
 * out the ones this copy holds (a whole project copy is mostly shared history, not read again).
 */
export interface Incoming {
  readonly header: BundleHeader;
  operations(alreadyHere: ReadonlySet<string>): readonly BundleOperation[];
  /** Lets go of the file (a copy is read from a temporary file while it is open). */
  close(): void;
}
