import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '../../../src-renderer/views/memos/autosave';
import type { SaveState } from '../../../src-renderer/views/memos/autosave';

type Patch = { title?: string; content?: string };

function setup(save: (patch: Patch) => Promise<void> = async () => {}) {
  const saves: Patch[] = [];
  const states: SaveState[] = [];
  const errors: unknown[] = [];
  const saver = createAutosaver<Patch>({
    delay: 800,
    maxWait: 5000,
    save: async (patch) => {
      saves.push(patch);
      await save(patch);
    },
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e),
  });
  return { saver, saves, states, errors };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces a burst of keystrokes into one save after the pause', async () => {
    const { saver, saves } = setup();
    for (let i = 1; i <= 20; i++) {
      saver.change({ content: 'x'.repeat(i) });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(800);
    expect(saves).toEqual([{ content: 'x'.repeat(20) }]);
    expect(saver.idle()).toBe(true);
  });

  it('merges fields changed in one pause, the latest value winning', async () => {
    const { saver, saves } = setup();
    saver.change({ title: 'A' });
    saver.change({ content: 'one' });
    saver.change({ title: 'AB' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saves).toEqual([{ title: 'AB', content: 'one' }]);
  });

  it('saves at least every maxWait while typing never pauses', async () => {
    const { saver, saves } = setup();
    for (let i = 0; i < 120; i++) {
      saver.change({ content: String(i) });
      await vi.advanceTimersByTimeAsync(100);
    }
    // 12 s of typing: saved at 5 s and 10 s, the rest pending.
    expect(saves.map((s) => s.content)).toEqual(['49', '99']);
    await vi.advanceTimersByTimeAsync(800);
    expect(saves).toHaveLength(3);
  });

  it('flush saves at once (blur, unmount) and waits for the save', async () => {
    const { saver, saves } = setup();
    saver.change({ content: 'now' });
    await saver.flush();
    expect(saves).toEqual([{ content: 'now' }]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toHaveLength(1);
  });

  it('never runs two saves at once, and keeps their order', async () => {
    let release: () => void = () => {};
    let running = 0;
    let maxRunning = 0;
    const { saver, saves } = setup(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    saver.change({ content: '1' });
    void saver.flush();
    saver.change({ content: '2' });
    const second = saver.flush();
    expect(saver.idle()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await second;
    expect(saves.map((s) => s.content)).toEqual(['1', '2']);
    expect(maxRunning).toBe(1);
    expect(saver.idle()).toBe(true);
  });

  it('keeps a failed save pending under newer changes and retries it with the next', async () => {
    let fail = true;
    const { saver, saves, states, errors } = setup(async () => {
      if (fail) throw new Error('offline');
    });
    saver.change({ title: 'T', content: 'old' });
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(states.at(-1)).toBe('failed');
    expect(saver.idle()).toBe(false);
    fail = false;
    saver.change({ content: 'new' });
    await vi.advanceTimersByTimeAsync(800);
    expect(saves.at(-1)).toEqual({ title: 'T', content: 'new' });
    expect(saver.idle()).toBe(true);
    expect(states.at(-1)).toBe('saved');
  });
});
