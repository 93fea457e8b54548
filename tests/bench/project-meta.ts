/** What the preparing child process leaves beside a cached project, read back by the bench. */
export interface ProjectMeta {
  readonly key: string;
  /** The team member to open the project as (an existing one, so opening writes nothing). */
  readonly actor: string;
  readonly label: string;
  /** Time to produce the source data (sample generator or the peer's Python script), ms. */
  readonly generateMs: number;
  /** Time to load it through the contract, ms. */
  readonly loadMs: number;
  /** Wall time per loading step, in order. */
  readonly steps: readonly { readonly step: string; readonly ms: number }[];
  /** Contract time per method while loading, slowest first. */
  readonly methods: readonly { readonly method: string; readonly calls: number; readonly ms: number }[];
  readonly counts: Readonly<Record<string, number>>;
  readonly characters: number;
  readonly peakRssMiB: number;
}
