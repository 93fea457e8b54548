import type { QuireClient } from '../../src-shared/contract';
import type { Core } from '../core/host';
import type { Format, Table } from './format';
import type { CliOptions } from './options';

/** What a command of the `quire` tool gets to work with. */
export interface CommandContext {
  readonly core: Core;
  readonly client: QuireClient;
  /** Absolute; null only for `serve`, where it is optional. */
  readonly project: string | null;
  readonly operands: readonly string[];
  readonly options: CliOptions;
  readonly actor: string;
  readonly format: Format;
  /** Results: a table on stdout in the chosen format. */
  print(table: Table): void;
  /** Messages for the person at the terminal, on stderr so pipes stay clean. */
  say(text: string): void;
  readFile(file: string): Uint8Array;
  /** The files below a folder (recursively, hidden ones left out, sorted), or null when `file` is not a folder. */
  filesIn(file: string): readonly string[] | null;
  writeFile(file: string, data: string | Uint8Array): void;
}

