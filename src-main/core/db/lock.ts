import fs from 'node:fs';
import os from 'node:os';

/** Who holds a project file open; written next to it as `<file>.lock`. */
export interface LockHolder {
  readonly actor: string;
  readonly host: string;
  readonly pid: number;
  readonly since: string;
}

export type LockResult = { readonly ok: true; readonly release: () => void } | { readonly ok: false; readonly holder: LockHolder };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { actor: String(parsed.actor ?? 'someone'), host: parsed.host, pid: parsed.pid, since: String(parsed.since ?? '') };
  } catch {
    return null;
  }
}

/**
 * Takes the lock for `file`. A lock left by a process that no longer runs on this machine (a
 * crash) is taken over; a lock from another machine is respected, since we cannot tell.
 */
export function acquireLock(file: string, actor: string): LockResult {
  const lockPath = `${file}.lock`;
  const me: LockHolder = { actor, host: os.hostname(), pid: process.pid, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
      return {
        ok: true,
        release: () => {
          const holder = readHolder(lockPath);
          if (holder && holder.pid === me.pid && holder.host === me.host) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      const stale = holder === null || (holder.host === me.host && !alive(holder.pid));
      if (!stale) return { ok: false, holder };
      fs.rmSync(lockPath, { force: true });
    }
  }
  const holder = readHolder(lockPath);
  return holder ? { ok: false, holder } : { ok: false, holder: { ...me, actor: 'another Quire window' } };
}
