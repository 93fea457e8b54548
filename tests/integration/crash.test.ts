import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, openAgain } from './support';

const child = path.join(import.meta.dirname, 'crash-child.ts');

describe('a crash in the middle of a large operation', () => {
  it('leaves the file openable with the operation either fully applied or not at all', async () => {
    const { core, client, file } = await newProject();
    const code = await client.call('codes.create', { name: 'Foreman' });
    const paragraph = 'Р: Мастер сказал, что мастер всегда прав, а мастер участка с ним согласен.\n';
    for (let i = 0; i < 40; i++) await client.call('documents.create', { title: `Интервью ${i}`, text: paragraph.repeat(150) });
    const { matches } = await client.call('autocode.preview', { pattern: 'мастер', mode: 'word', codeId: code.id });
    expect(matches).toBe(40 * 150 * 3);
    await core.dispose();

    const output = await new Promise<string>((resolve) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, file, code.id], { stdio: ['ignore', 'pipe', 'inherit'] });
      let seen = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('progress')) proc.kill('SIGKILL');
      });
      proc.on('exit', () => resolve(seen));
    });
    expect(output).toContain('progress');
    expect(output).not.toContain('finished');

    const again = await openAgain(file);
    const codings = await again.client.call('codings.list', { limit: 100_000 });
    expect(codings.length).toBe(0); // killed before the commit: nothing of it landed
    const history = await again.client.call('history.list', { method: 'autocode.apply' });
    expect(history).toEqual([]);
    // and the project works normally afterwards
    expect((await again.client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: code.id })).created).toBe(matches);
  });
});
