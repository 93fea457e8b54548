/** Where an autosaver stands, for the "Saving… / Saved" line. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export interface AutosaverOptions<P> {
  /** Quiet time after the last change before saving: one save per pause in typing. */
  readonly delay: number;
  /** Longest time a change may wait while typing goes on without a pause (crash safety). */
  readonly maxWait: number;
  save(patch: P): Promise<void>;
  onState?(state: SaveState): void;
  onError?(error: unknown): void;
}

export interface Autosaver<P> {
  /** Records a change; later fields win over earlier ones of the same name. */
  change(patch: P): void;
  /** Saves whatever is pending now and resolves once every save has finished. */
  flush(): Promise<void>;
  /** True when nothing is pending or being saved: the core holds what the user sees. */
  idle(): boolean;
}

/**
 * Coalesces edits into few saves. Every save is an undoable operation in the core, so saving each
 * keystroke would flood the history; instead a change waits for a pause of `delay` ms (or at most
 * `maxWait` ms), and saves never overlap, so they reach the core in the order they were made.
 * A failed save keeps its fields pending, under any newer ones, and is retried with the next save.
 */
export function createAutosaver<P extends object>(options: AutosaverOptions<P>): Autosaver<P> {
  let pending: P | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChangeAt: number | null = null;
  let inFlight = 0;
  let chain: Promise<void> = Promise.resolve();

  const report = (): void => options.onState?.(inFlight > 0 ? 'saving' : pending ? 'pending' : 'saved');

  const saveNow = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstChangeAt = null;
    const patch = pending;
    if (patch === null) return chain;
    pending = null;
    inFlight++;
    report();
    chain = chain.then(async () => {
      try {
        await options.save(patch);
        inFlight--;
        report();
      } catch (error) {
        inFlight--;
        pending = { ...patch, ...(pending ?? {}) } as P;
        options.onState?.('failed');
        options.onError?.(error);
      }
    });
    return chain;
  };

  return {
    change(patch) {
      pending = { ...(pending ?? {}), ...patch } as P;
      const now = Date.now();
      firstChangeAt ??= now;
      if (timer !== null) clearTimeout(timer);
      const wait = Math.max(0, Math.min(options.delay, firstChangeAt + options.maxWait - now));
      timer = setTimeout(() => void saveNow(), wait);
      report();
    },
    flush: saveNow,
    idle: () => pending === null && inFlight === 0,
  };
}
