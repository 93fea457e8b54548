import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { QuireError } from '../../src-shared/contract';
import type { QuireClient } from '../../src-shared/contract';
import { Core } from '../core/host';
import { FORMATS, render } from './format';
import type { Format } from './format';
import { commands } from './commands';
import type { CommandContext } from './context';
import { OPTIONS, UsageError } from './options';

export const USAGE = `Usage: quire <command> PROJECT [arguments] [options]

Commands:
  new PROJECT [--name NAME]            create an empty project file
  open PROJECT                         show what a project holds (alias: info)
  demo PROJECT [--scale sample|programme|N]
                                       create the sample project (or a bigger one for benchmarks)
  import PROJECT FILE|FOLDER... [--kind K] [--title T] [--language L] [--date D] [--case NAME]
       [--pattern {enterprise}_{date}_{kind}_{informant}] [--manifest FILE.csv|.xlsx]
       [--encoding windows-1251|koi8-r|ibm866|utf-8] [--clean auto|none|OPTION,…] [--all-or-nothing]
                                       import documents (txt, md, docx, odt, rtf, html, pdf) with
                                       their originals as one undoable operation; prints a report
                                       and exits 1 when a file could not be imported
  reread PROJECT DOCUMENT [--encoding E] [--clean none|auto|OPTION,…]
                                       read an imported document's original file again (new revision)
  cases import PROJECT FILE.csv|.xlsx --type TYPE [--sheet NAME] [--encoding E] [--preview]
                                       add or update cases (informants, enterprises…) from a list,
                                       columns mapped by their headers; exits 1 when rows had problems
  codebook import PROJECT FILE.csv     add or update codes from CSV (name,parent,color,definition,…)
  codebook export PROJECT [FILE.csv]   write the codebook as CSV
  code PROJECT --pattern P --code NAME [--mode word|phrase|regex] [--case-sensitive]
       [--extent match|segment] [--speaker LABEL] [--documents ID|TITLE,…] [--create] [--preview]
                                       auto-code every match (one undoable operation)
  report frequencies PROJECT           codings and documents per code
  report matrix PROJECT --rows codes --cols CASE-TYPE|ATTRIBUTE [--by month|quarter|year]
       [--measure codings|documents|informants|chars|per10k|rowpct|colpct|presence] [--coder NAME…]
       [--out FILE.csv|FILE.xlsx [--delimiter ;] [--language ru]]
                                       a code × case matrix; --out writes it as CSV (with BOM) or Excel
  retrieve PROJECT --code NAME [--code NAME…] [--op any|all|not|overlaps|same-segment|within:N|follows:N]
       [--subcodes] [--case NAME] [--where ATTRIBUTE=VALUE] [--kind K,…] [--from DATE] [--to DATE]
       [--coder NAME] [--informants-only|--interviewer-only] [--cite en|ru] [--limit N] [--offset N]
       [--save NAME] | retrieve PROJECT --saved NAME
                                       coded excerpts with their citations ("(interview with a
                                       foreman, Кольца, June 1993)"); the total goes to stderr
  search PROJECT "QUERY" [--mode words|substring] [--scope all|documents|memos] [--kind K,…] [--case NAME]
       [--language L] [--from DATE] [--to DATE] [--cite en|ru] [--limit N] [--offset N]
       [--code NAME [--extent match|segment] [--create]]
                                       full-text search: words by their stem, "exact phrases", prefix*,
                                       AND/OR/NOT (И/ИЛИ/НЕ), brackets; or text inside words; shows the
                                       hits in context with citations; --code codes every hit (one undo)
  report cooccurrence PROJECT [--by overlap|segment|document] [--codes PARENT] [--measure count|jaccard|c]
       [--case NAME] [--where ATTRIBUTE=VALUE] [--kind K,…] [--from DATE] [--to DATE]
                                       code × code co-occurrence
  history PROJECT [--actor NAME] [--since DATE] [--method M] [--limit N]
  export extracts PROJECT --code NAME [--code NAME…] [--case NAME] [--saved QUERY] [--draft NAME]
       --format docx|md|html|csv|xlsx --out FILE [--group code|case|document|none]
       [--sort document|case|code] [--context] [--translation original|translation|both]
       [--translation-language en] [--no-coder] [--no-memo] [--language en|ru] [--allow-leaks]
       [and the filters of retrieve: --op, --subcodes, --where, --kind, --from, --to, --coder…]
                                       coded excerpts with citations, for a paper (DOCX, Markdown,
                                       HTML) or for R/Python (CSV with BOM, Excel: one row per
                                       excerpt with every case attribute); --draft: a draft's quotes;
                                       a registered real name in the file refuses the export, unless
                                       --allow-leaks (the file is kept and the hits are printed)
  export codebook PROJECT --format docx|md|csv --out FILE [--language en|ru] [--include-archived] [--allow-leaks]
                                       the codebook as a methods appendix: definitions, criteria,
                                       examples, counts and change history
  export codebook-history PROJECT [--code NAME] --format csv|md --out FILE [--language en|ru]
                                       every change of the codebook (or one code): field before and
                                       after, who, when, why (the meeting and its note)
  serve [PROJECT] [--port N] [--host ADDRESS] [--no-open]
                                       the browser edition (default: the last project, or the sample)
  undo PROJECT | redo PROJECT          undo or redo the latest operation
  pseudonym add PROJECT --real NAME --pseudonym NAME [--kind person|enterprise|place] [--alias A…] [--case NAME]
  pseudonym list PROJECT | pseudonym remove PROJECT NAME
                                       the pseudonym registry: real names (and their variant spellings)
                                       and the pseudonyms they appear under in excerpts and exports
  check-leaks PROJECT FILE             look for registered real names and aliases, in any case form, in
                                       an export (docx, md, html, csv, xlsx, txt, pdf); exits 1 on a hit
  meeting agenda PROJECT --team NAME [--since DATE] [--code NAME…] [--case NAME…] [--coder NAME…]
                                       what is new since the team's last meeting: codings, documents
                                       and memos added or changed, grouped by code
  agreement PROJECT --coders NAME,NAME[,…] [--unit paragraph|turn|sentence|document|characters]
       [--codes NAME,…] [--subcodes] [--by code|document|case|pair] [--include-uncoded]
       [--documents ID|TITLE,…] [--case NAME] [--where ATTRIBUTE=VALUE] [--kind K,…] [--from DATE] [--to DATE]
                                       inter-coder agreement (coders by name or initials): percent,
                                       Cohen's κ, Fleiss' κ, Krippendorff's α, and α_u by character;
                                       text nobody coded is left out unless --include-uncoded
  bundle export PROJECT --out FILE [--peer NAME | --since DATE | --copy]
                                       your work for a colleague: since the last exchange with them
                                       (--peer), since a date, everything, or (--copy) a whole copy
                                       of the project for them to work on
  merge PROJECT OTHER.quire|BUNDLE [--preview] | bundle import PROJECT BUNDLE [--preview]
                                       merge a colleague's copy or bundle into PROJECT (one undoable
                                       operation, after an automatic backup); --preview only counts
  conflicts PROJECT [--scope all]      what merges decided that needs review (kept and set-aside values)

Options:
  --format table|csv|json   output format (default table)
  --as NAME                 who is working (default: $QUIRE_USER or your login name)
  -h, --help                this help
`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

function filesIn(folder: string): readonly string[] | null {
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return null;
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.split(path.sep).some((part) => part.startsWith('.')))
    .map((name) => path.join(folder, name))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
}

function defaultActor(): string {
  const env = process.env.QUIRE_USER?.trim();
  if (env) return env;
  try {
    return os.userInfo().username || 'Researcher';
  } catch {
    return 'Researcher';
  }
}

/**
 * Runs one `quire` command and returns its exit code: 0 done, 1 the operation failed (the
 * message says why), 2 the command was called wrongly.
 */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`quire: ${(error as Error).message}\nRun "quire --help" for the commands.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? EXIT_OK : EXIT_USAGE;
  }
  // For `quire export …`, --format names the file's format (docx, csv…), checked by the command.
  const exporting = positionals[0] === 'export';
  const format = (exporting ? 'table' : (values.format ?? 'table')) as Format;
  if (!FORMATS.includes(format)) {
    io.err(`quire: --format must be one of ${FORMATS.join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const [name, ...rest] = positionals;
  const grouped = (name === 'codebook' || name === 'report' || name === 'cases' || name === 'pseudonym' || name === 'export' || name === 'meeting' || name === 'bundle') && rest.length > 0 ? `${name} ${rest[0]}` : name!;
  const args = grouped === name ? rest : rest.slice(1);
  const command = commands[grouped];
  if (!command) {
    io.err(`quire: there is no command "${grouped}".\nRun "quire --help" for the commands.\n`);
    return EXIT_USAGE;
  }
  const [project, ...operands] = args;
  if (!project && grouped !== 'serve') {
    io.err(`quire: say which project file to use: quire ${grouped} PROJECT …\n`);
    return EXIT_USAGE;
  }
  // The browser edition opens at once and builds a missing search index in the background.
  const core = new Core({ indexInBackground: grouped === 'serve' });
  const client: QuireClient = core.client();
  const ctx: CommandContext = {
    core,
    client,
    project: project ? path.resolve(project) : null,
    operands,
    options: values,
    actor: values.as ?? defaultActor(),
    print: (table) => io.out(render(table, format)),
    say: (text) => io.err(`${text}\n`),
    format,
    readFile: (file) => fs.readFileSync(file),
    filesIn,
    writeFile: (file, data) => fs.writeFileSync(file, data),
  };
  try {
    const code = await command(ctx);
    return typeof code === 'number' ? code : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`quire: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof QuireError ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`;
    io.err(`quire: ${message}\n`);
    return EXIT_FAILED;
  } finally {
    await core.dispose();
  }
}
