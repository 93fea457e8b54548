import { main } from '../../src-main/cli/main';

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs one `quire` command in this process, as Ирина Соколова, capturing what it prints. */
export async function quire(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(['--as', 'Ирина Соколова', ...argv], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
