import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { produce } from '../../../src-main/core/export/output';

const folder = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'quire-output-'));

describe('an export file written while the export goes on', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the chunks in order and hands back a written buffer to fill again', async () => {
    const target = path.join(folder(), 'rows.csv');
    const buffer = Buffer.from('первая строка\r\n');
    let back: Buffer | undefined;
    await produce(target, async (out) => {
      out.write(buffer, buffer);
      out.write('вторая строка\r\n');
      // The write finishes in the thread pool; its buffer comes back after that.
      for (let i = 0; i < 200 && back === undefined; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        back = out.spare?.();
      }
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('первая строка\r\nвторая строка\r\n');
    expect(back).toBe(buffer);
  });

  it('stops the export when the disk fills up half-way, says so, and leaves no partial file', async () => {
    const dir = folder();
    const target = path.join(dir, 'rows.csv');
    fs.writeFileSync(target, 'the older export');
    const write = fs.write;
    let calls = 0;
    vi.spyOn(fs, 'write').mockImplementation(((...args: Parameters<typeof fs.write>) => {
      if (++calls === 2) {
        const callback = args.at(-1) as (error: NodeJS.ErrnoException) => void;
        setImmediate(() => callback(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })));
        return;
      }
      return (write as (...a: unknown[]) => void)(...args);
    }) as typeof fs.write);
    await expect(
      produce(target, async (out) => {
        for (let i = 0; i < 50; i++) {
          out.write(`строка ${i}\r\n`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    ).rejects.toMatchObject({ code: 'file_error', message: expect.stringContaining('the disk is full') });
    expect(fs.readdirSync(dir)).toEqual(['rows.csv']);
    expect(fs.readFileSync(target, 'utf8')).toBe('the older export');
  });

  it('flushes a large export to the disk as it goes, and a failed flush stops it like a failed write', async () => {
    const dir = folder();
    const target = path.join(dir, 'rows.csv');
    const chunk = Buffer.alloc(1 << 20, 'ж');
    const flushes = vi.spyOn(fs, 'fdatasync');
    await produce(target, async (out) => {
      for (let i = 0; i < 40; i++) out.write(chunk);
    });
    expect(fs.statSync(target).size).toBe(40 << 20);
    // 40 MiB: flushed after the 16th and the 32nd, the rest when the file is put in place.
    expect(flushes).toHaveBeenCalledTimes(2);

    flushes.mockImplementation(((_fd: number, callback: (error: NodeJS.ErrnoException) => void) =>
      setImmediate(() => callback(Object.assign(new Error('input/output error'), { code: 'EIO' })))) as unknown as typeof fs.fdatasync);
    await expect(
      produce(target, async (out) => {
        for (let i = 0; i < 40; i++) {
          out.write(chunk);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }),
    ).rejects.toMatchObject({ code: 'file_error', message: expect.stringContaining('input/output error') });
    expect(fs.readdirSync(dir)).toEqual(['rows.csv']);
    expect(fs.statSync(target).size).toBe(40 << 20);
  });
});
