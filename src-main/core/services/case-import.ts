/**
 * Case lists (informants, enterprises…) from a staged spreadsheet. One plan, made from the
 * table, the mapping and the project as it is, serves both the preview and the import, so what
 * the dialog shows is what happens. Writing goes through the cases and attributes methods
 * themselves (`attributes.define`, `cases.create`, `cases.update`), inside one operation.
 */
import { summary } from '../../../src-shared/model/summaries';
import { QuireError, notFound } from '../../../src-shared/contract/errors';
import type { CaseImportOutcome, CaseImportPreview, CaseImportReport, CaseImportRow } from '../../../src-shared/contract/case-import';
import type { ParsedInputOf } from '../../../src-shared/contract';
import { distinctValues, readCell } from '../../../src-shared/model/cell-values';
import type { Attribute, AttributeType, AttributeValue, Case, CaseType } from '../../../src-shared/model/entities';
import { foldForSearch } from '../../../src-shared/text';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { stagingOf } from '../import/staging';
import { casesNamed } from './names';

type Input = ParsedInputOf<'cases.previewTable'>;

const fold = (s: string): string => foldForSearch(s.trim());

/** A column that will become an attribute: its would-be definition. */
interface NewAttribute {
  readonly column: number;
  readonly name: string;
  readonly valueType: AttributeType;
  readonly choices: readonly string[] | null;
}

/** What a row will write, beside what the preview shows. Values are keyed by attribute id, or `new:N` for the Nth new attribute. */
interface PlannedRow extends CaseImportRow {
  readonly aliases: readonly string[];
  readonly description: string | null;
  readonly values: ReadonlyMap<string, AttributeValue>;
  /** For an update: whether aliases, description and parent change. */
  readonly patch: { readonly aliases: boolean; readonly description: boolean; readonly parent: boolean };
}

interface Plan {
  readonly type: CaseType;
  readonly preview: CaseImportPreview;
  readonly rows: readonly PlannedRow[];
}

const newKey = (index: number): string => `new:${index}`;

/** Other names in a cell: split at `;` or `,`, each once, none the same as the name itself. */
function splitAliases(cell: string, name: string): string[] {
  const seen = new Set([fold(name)]);
  const out: string[] = [];
  for (const part of cell.split(/[;,]/)) {
    const alias = part.trim();
    if (alias === '' || seen.has(fold(alias))) continue;
    seen.add(fold(alias));
    out.push(alias);
  }
  return out;
}

function checkColumns(input: Input, headers: readonly string[]): void {
  const { mapping } = input;
  const columns = [
    mapping.name,
    mapping.aliases,
    mapping.parent,
    mapping.description,
    ...Object.values(mapping.attributes),
    ...mapping.createAttributes.map((a) => a.column),
  ];
  for (const column of columns) {
    if (column !== undefined && column >= headers.length) {
      throw new QuireError('invalid_input', `Column ${column + 1} is not in this sheet: it has ${headers.length} columns.`, { column });
    }
  }
}

/** The attributes the mapping names, checked to be case attributes this type may have. */
function mappedAttributes(input: Input, type: CaseType, all: readonly Attribute[]): Map<string, Attribute> {
  const out = new Map<string, Attribute>();
  for (const id of Object.keys(input.mapping.attributes)) {
    const attribute = all.find((a) => a.id === id);
    if (!attribute) throw notFound('An attribute chosen for a column', id);
    if (attribute.target !== 'case' || (attribute.caseTypeId !== null && attribute.caseTypeId !== type.id)) {
      throw new QuireError('invalid_input', `“${attribute.name}” is not an attribute of ${type.name} cases: choose another one for its column.`, { attributeId: id });
    }
    out.set(id, attribute);
  }
  return out;
}

/** New attributes, with a choice's choices from its column; their names must be new for the type. */
function newAttributes(input: Input, type: CaseType, all: readonly Attribute[], rows: readonly (readonly string[])[]): NewAttribute[] {
  const taken = new Set(all.filter((a) => a.target === 'case' && (a.caseTypeId === null || a.caseTypeId === type.id)).map((a) => fold(a.name)));
  return input.mapping.createAttributes.map(({ column, name, valueType }) => {
    if (taken.has(fold(name))) {
      throw new QuireError('invalid_input', `${type.name} cases already have an attribute called “${name}”: map the column to it, or give the new one another name.`, { name });
    }
    taken.add(fold(name));
    if (valueType !== 'choice') return { column, name, valueType, choices: null };
    const choices = distinctValues(rows.map((r) => r[column] ?? ''));
    if (choices.length === 0) throw new QuireError('invalid_input', `The column for “${name}” is empty, so it gives no choices: make it a text attribute, or ignore it.`, { name });
    return { column, name, valueType, choices };
  });
}

/**
 * The cases of a type by each of their names and aliases, folded as {@link casesNamed} folds
 * them: the same answers for every row of a list at once (asking `casesNamed` row by row reads
 * every case again for each row, which takes seconds for a list of thousands).
 */
function nameIndex(cases: readonly Case[], typeId: string): (name: string) => string[] {
  const index = new Map<string, string[]>();
  for (const c of cases) {
    if (c.typeId !== typeId) continue;
    for (const k of new Set([c.name, ...c.aliases].map(fold))) index.set(k, [...(index.get(k) ?? []), c.id]);
  }
  return (name) => (fold(name) === '' ? [] : (index.get(fold(name)) ?? []));
}

/** Whether `parentId` is `caseId` itself or inside it: such a parent would cut a branch off the tree. */
function insideItself(byId: ReadonlyMap<string, Case>, caseId: string, parentId: string): boolean {
  for (let at: string | null = parentId; at !== null; at = byId.get(at)?.parentId ?? null) if (at === caseId) return true;
  return false;
}

async function plan(ctx: QueryContext, input: Input): Promise<Plan> {
  const type = (await ctx.call('caseTypes.list', {})).find((t) => t.id === input.typeId);
  if (!type) throw notFound('This case type', input.typeId);
  const table = await ctx.call('imports.table', { stagedId: input.stagedId, ...(input.sheet ? { sheet: input.sheet } : {}), ...(input.encoding ? { encoding: input.encoding } : {}) });
  if (table.headers.length === 0) throw new QuireError('invalid_input', 'This sheet is empty: it has no header row and no cases.');
  checkColumns(input, table.headers);
  const allAttributes = await ctx.call('attributes.list', {});
  const mapped = mappedAttributes(input, type, allAttributes);
  const created = newAttributes(input, type, allAttributes, table.rows);
  const cases = await ctx.call('cases.list', {});
  const byId = new Map(cases.map((c) => [c.id, c]));
  const named = nameIndex(cases, type.id);
  const typeName = type.name.toLocaleLowerCase();
  const { mapping } = input;

  const parents = new Map<string, string[]>();
  /** Cases a parent cell names: of the type's parent type first, then of any type. */
  const parentsNamed = (name: string): string[] => {
    const k = fold(name);
    let found = parents.get(k);
    if (!found) {
      found = type.parentId ? casesNamed(ctx, name, type.parentId) : [];
      if (found.length === 0) found = casesNamed(ctx, name);
      parents.set(k, found);
    }
    return found;
  };

  // Values are read left to right, so problems and changes come in the order of the columns.
  const valueColumns = [
    ...Object.entries(mapping.attributes).map(([id, column]) => ({ key: id, attribute: mapped.get(id)!, column })),
    ...created.map((attribute, i) => ({ key: newKey(i), attribute, column: attribute.column })),
  ].sort((a, b) => a.column - b.column);
  const firstRowOf = new Map<string, number>();
  const rows: PlannedRow[] = table.rows.map((cells, index) => {
    const row = index + 2;
    const cell = (column: number | undefined): string => (column === undefined ? '' : (cells[column] ?? '').trim());
    const name = cell(mapping.name);
    const base: Omit<PlannedRow, 'outcome' | 'messages'> = {
      row,
      name,
      caseId: null,
      parentId: null,
      changes: [],
      aliases: [],
      description: null,
      values: new Map(),
      patch: { aliases: false, description: false, parent: false },
    };
    if (name === '') return { ...base, outcome: 'skip', messages: [`No name: the “${table.headers[mapping.name]}” cell is empty.`] };
    const aliases = splitAliases(cell(mapping.aliases), name);
    const problems: string[] = [];

    // The existing case: by the name, or else by one of the row's other names.
    let matches = named(name);
    if (matches.length === 0) matches = [...new Set(aliases.flatMap(named))];
    if (matches.length > 1) problems.push(`${matches.length} ${typeName} cases are called “${name}” or one of its other names: give them different names or aliases first.`);
    const existing = matches.length === 1 ? byId.get(matches[0]!) : undefined;

    const same = existing?.id ?? fold(name);
    const first = firstRowOf.get(same);
    if (first !== undefined) return { ...base, outcome: 'skip', messages: [`The same ${typeName} as row ${first}: only the first row is used.`] };
    firstRowOf.set(same, row);

    let parentId: string | null = null;
    const parentName = cell(mapping.parent);
    if (parentName !== '') {
      const found = parentsNamed(parentName).filter((id) => id !== existing?.id);
      if (found.length === 0) problems.push(`There is no case called “${parentName}” to put “${name}” inside: add it (or an alias) first, or check the spelling.`);
      else if (found.length > 1) problems.push(`${found.length} cases are called “${parentName}”: give them different names or aliases, then import again.`);
      else if (existing && insideItself(byId, existing.id, found[0]!)) problems.push(`“${name}” cannot go inside “${parentName}”, which is inside it.`);
      else parentId = found[0]!;
    }

    const values = new Map<string, AttributeValue>();
    const read = (key: string, attribute: Pick<Attribute, 'name' | 'valueType' | 'choices'>, column: number): void => {
      const text = cell(column);
      if (text === '') return;
      const value = readCell(attribute, text);
      if (value.ok) values.set(key, value.value);
      else problems.push(value.message);
    };
    for (const { key, attribute, column } of valueColumns) read(key, attribute, column);

    const description = mapping.description === undefined || cell(mapping.description) === '' ? null : cell(mapping.description);
    if (problems.length > 0) return { ...base, outcome: 'problem', caseId: existing?.id ?? null, messages: problems };
    if (!existing) return { ...base, outcome: 'create', parentId, aliases, description, values, messages: [] };

    // An update: only what differs, and empty cells leave things as they are.
    const known = new Set([existing.name, ...existing.aliases].map(fold));
    const added = [...aliases, ...(fold(name) === fold(existing.name) ? [] : [name])].filter((a) => !known.has(fold(a)));
    const patch = {
      aliases: added.length > 0,
      description: description !== null && description !== existing.description,
      parent: parentId !== null && parentId !== existing.parentId,
    };
    const changed = [...values].filter(([key, value]) => key.startsWith('new:') || existing.attributes[key] !== value).map(([key]) => key);
    const changes = [
      ...(patch.aliases ? ['aliases'] : []),
      ...(patch.description ? ['description'] : []),
      ...(patch.parent ? ['inside'] : []),
      ...changed.map((key) => (key.startsWith('new:') ? created[Number(key.slice(4))]!.name : mapped.get(key)!.name)),
    ];
    return {
      ...base,
      outcome: changes.length > 0 ? 'update' : 'unchanged',
      caseId: existing.id,
      parentId: patch.parent ? parentId : existing.parentId,
      aliases: [...existing.aliases, ...added],
      description,
      values: new Map(changed.map((key) => [key, values.get(key)!])),
      patch,
      changes,
      messages: [],
    };
  });

  const counts = Object.fromEntries(['create', 'update', 'unchanged', 'skip', 'problem'].map((o) => [o, 0])) as Record<CaseImportOutcome, number>;
  for (const r of rows) counts[r.outcome] += 1;
  return {
    type,
    rows,
    preview: {
      headers: table.headers,
      rows: rows.map(({ row, outcome, name, caseId, parentId, changes, messages }) => ({ row, outcome, name, caseId, parentId, changes, messages })),
      counts,
      newAttributes: created,
      warnings: table.warnings,
    },
  };
}

export const caseImportHandlers: SomeHandlers<'cases.previewTable' | 'cases.importTable'> = {
  'cases.previewTable': async (ctx, input) => (await plan(ctx, input)).preview,

  'cases.importTable': async (ctx: MutationContext, input): Promise<CaseImportReport> => {
    const { type, rows, preview } = await plan(ctx, input);
    const ids = new Map<string, string>();
    for (const [i, a] of preview.newAttributes.entries()) {
      const defined = await ctx.call('attributes.define', { name: a.name, target: 'case', caseTypeId: type.id, valueType: a.valueType, choices: a.choices === null ? null : [...a.choices] });
      ids.set(newKey(i), defined.id);
    }
    const valuesOf = (r: PlannedRow): Record<string, AttributeValue> => Object.fromEntries([...r.values].map(([key, value]) => [ids.get(key) ?? key, value]));
    const writing = rows.filter((r) => r.outcome === 'create' || r.outcome === 'update');
    for (const [done, r] of writing.entries()) {
      if (done % 50 === 0) ctx.progress(done, writing.length);
      if (r.outcome === 'create') {
        await ctx.call('cases.create', { typeId: type.id, parentId: r.parentId, name: r.name, aliases: [...r.aliases], description: r.description ?? '', attributes: valuesOf(r) });
      } else {
        await ctx.call('cases.update', {
          id: r.caseId!,
          ...(r.patch.aliases ? { aliases: [...r.aliases] } : {}),
          ...(r.patch.description && r.description !== null ? { description: r.description } : {}),
          ...(r.patch.parent ? { parentId: r.parentId } : {}),
          ...(r.values.size > 0 ? { attributes: valuesOf(r) } : {}),
        });
      }
    }
    ctx.progress(writing.length, writing.length);
    const { counts } = preview;
    const fileName = stagingOf(ctx.file).get(input.stagedId).fileName;
    ctx.describe(summary('caseImport.import', { type: type.name, file: fileName, created: counts.create, updated: counts.update }));
    return {
      created: counts.create,
      updated: counts.update,
      unchanged: counts.unchanged,
      skipped: counts.skip,
      problemRows: counts.problem,
      problems: rows.filter((r) => r.outcome === 'problem').flatMap((r) => r.messages.map((message) => ({ row: r.row, message }))),
      skips: rows.filter((r) => r.outcome === 'skip').flatMap((r) => r.messages.map((message) => ({ row: r.row, message }))),
      attributesCreated: preview.newAttributes.map((a) => a.name),
    };
  },
};
