/**
 * Which column of a case list holds what: the case's name, its other names, the case it belongs
 * to, a description, and attribute values. {@link suggestMapping} guesses it from the headers, in
 * English or Russian, so a field team's spreadsheet usually imports without any mapping by hand;
 * the import dialog shows the guess for correction and the command line prints it.
 */
import { foldForSearch } from '../text';
import type { AttributeType } from './entities';

/** A column that becomes a new case attribute of the imported type. */
export interface NewAttributeColumn {
  readonly column: number;
  readonly name: string;
  readonly valueType: AttributeType;
}

/** Columns by their index (0 is the first column). */
export interface CaseImportMapping {
  readonly name: number;
  /** Other names of the case, several in a cell split at `;` or `,`. */
  readonly aliases?: number | undefined;
  /** The case this one belongs to, by name or alias (an informant's enterprise or shop). */
  readonly parent?: number | undefined;
  readonly description?: number | undefined;
  /** Existing attributes: attribute id → column. */
  readonly attributes: Readonly<Record<string, number>>;
  readonly createAttributes?: readonly NewAttributeColumn[] | undefined;
}

type Role = 'name' | 'aliases' | 'parent' | 'description';

/** A header as compared: folded case and ё/е, without dots, colons, stars, quotes or extra spaces. */
const key = (header: string): string =>
  foldForSearch(header)
    .replace(/[.:*"«»“”'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Without a trailing "(…)" remark: `Staff (headcount)` → `staff`. */
const bare = (k: string): string => k.replace(/\s*\([^)]*\)\s*$/, '').trim();

const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  name: [
    'name', 'names', 'full name', 'case', 'case name', 'фио', 'ф и о', 'имя', 'название', 'наименование', 'фамилия', 'фамилия имя отчество',
    'фамилия имя', 'фамилия и имя',
  ],
  aliases: [
    'alias', 'aliases', 'other names', 'other name', 'other spellings', 'spellings', 'also known as', 'aka', 'pseudonym', 'pseudonyms',
    'псевдоним', 'псевдонимы', 'другие имена', 'другое имя', 'другие названия', 'другое название', 'синонимы', 'варианты написания',
  ],
  parent: [
    'parent', 'parent case', 'belongs to', 'part of', 'inside', 'enterprise', 'company', 'employer', 'workplace', 'place of work',
    'родитель', 'предприятие', 'завод', 'организация', 'место работы', 'входит в', 'принадлежит',
  ],
  description: ['description', 'notes', 'note', 'comment', 'comments', 'remarks', 'описание', 'примечание', 'примечания', 'комментарий', 'комментарии', 'заметки'],
};

/**
 * Words that name the same thing in English and Russian: case types of the projects Quire is
 * made for, and the attributes their case lists carry.
 */
const SAME: readonly (readonly string[])[] = [
  ['enterprise', 'предприятие', 'завод', 'firm', 'фирма'],
  ['informant', 'информант', 'respondent', 'респондент', 'interviewee'],
  ['region', 'регион', 'область', 'oblast'],
  ['shop', 'shop / section', 'section', 'цех', 'участок', 'отдел'],
  ['gender', 'sex', 'пол'],
  ['year of birth', 'birth year', 'born', 'год рождения', 'гр', 'год рожд'],
  ['age', 'возраст'],
  ['role', 'роль'],
  ['post', 'occupation', 'position', 'job', 'profession', 'должность', 'профессия', 'специальность'],
  ['years of service', 'years of service at the enterprise', 'length of service', 'service', 'стаж', 'стаж работы'],
  ['skill grade', 'grade', 'разряд'],
  ['union member', 'member of the union', 'член профсоюза'],
  ['union', 'профсоюз'],
  ['working pensioner', 'pensioner', 'пенсионер', 'работающий пенсионер'],
  ['industry', 'sector', 'отрасль'],
  ['ownership', 'form of ownership', 'собственность', 'форма собственности'],
  ['staff', 'headcount', 'employees', 'численность', 'численность персонала', 'штат'],
  ['founded', 'year founded', 'founded (year)', 'год основания', 'основано', 'основан'],
  ['military-industrial', 'military', 'defence', 'впк', 'оборонное'],
  ['administrative centre', 'centre', 'center', 'административный центр', 'центр'],
  ['women', 'women (%)', 'доля женщин', 'женщин'],
  ['category', 'basic or auxiliary', 'основной или вспомогательный', 'категория'],
].map((words) => words.map(key));

/** Every way a name may be written: itself, without its remark, and its `/`-separated parts. */
function forms(name: string): string[] {
  const k = key(name);
  const b = bare(k);
  return [...new Set([k, b, ...b.split('/').map((p) => p.trim())])].filter((f) => f !== '');
}

/** Whether two names say the same, directly or through {@link SAME}. */
function same(a: string, b: string): boolean {
  const fa = forms(a);
  const fb = forms(b);
  if (fa.some((x) => fb.includes(x))) return true;
  return SAME.some((words) => fa.some((x) => words.includes(x)) && fb.some((x) => words.includes(x)));
}

export interface SuggestOptions {
  /** The name of the case type being imported: a column so headed holds the names. */
  readonly typeName?: string;
  /** Names of the case types a case may belong to: a column so headed holds the parent. */
  readonly parentTypeNames?: readonly string[];
}

/**
 * A guess at which column holds what, from the headers. An attribute whose name is a header
 * exactly wins that column; then the name, other names, parent and description by the usual
 * words (English or Russian), then attributes whose names mean the same (`Пол` → Gender). With
 * no column recognisably the name, the first column not otherwise used is taken for it.
 * Columns nothing fits are left out (ignored); each role and attribute takes one column at most.
 *
 * @example
 * suggestMapping(['ФИО', 'Псевдоним', 'Предприятие', 'Пол'], [{ id: 'g', name: 'Gender' }])
 * // { name: 0, aliases: 1, parent: 2, attributes: { g: 3 } }
 */
export function suggestMapping(
  headers: readonly string[],
  attributes: readonly { readonly id: string; readonly name: string }[],
  options: SuggestOptions = {},
): CaseImportMapping {
  const roles: Partial<Record<Role, number>> = {};
  const byAttribute = new Map<string, number>();
  const used = new Set<number>();
  const take = (column: number, to: Role | { attributeId: string }): void => {
    used.add(column);
    if (typeof to === 'string') roles[to] = column;
    else byAttribute.set(to.attributeId, column);
  };
  const free = (column: number): boolean => !used.has(column);
  const columns = headers.map((header, column) => ({ column, k: key(header) }));

  // 1. An attribute named exactly as a header.
  for (const { column, k } of columns) {
    const attribute = attributes.find((a) => !byAttribute.has(a.id) && key(a.name) === k);
    if (attribute && k !== '') take(column, { attributeId: attribute.id });
  }
  // 2. The name, other names, parent and description.
  const isRole = (role: Role, header: string): boolean => {
    const k = key(header);
    if (role === 'name' && options.typeName && same(header, options.typeName)) return true;
    if (role === 'parent' && options.parentTypeNames?.some((n) => same(header, n))) return true;
    // A list of enterprises headed «Предприятие» names enterprises: its parent is elsewhere.
    if (role === 'parent' && options.typeName && same(header, options.typeName)) return false;
    return ROLE_WORDS[role].includes(k) || ROLE_WORDS[role].includes(bare(k));
  };
  for (const role of ['name', 'aliases', 'parent', 'description'] as const) {
    const found = columns.find(({ column }) => free(column) && isRole(role, headers[column]!));
    if (found && roles[role] === undefined) take(found.column, role);
  }
  // 3. Attributes whose names mean the same as a header.
  for (const { column } of columns) {
    if (!free(column)) continue;
    const attribute = attributes.find((a) => !byAttribute.has(a.id) && same(headers[column]!, a.name));
    if (attribute) take(column, { attributeId: attribute.id });
  }
  const name = roles.name ?? columns.find(({ column }) => free(column))?.column ?? 0;
  // Only when every column was taken for something else does the name share one: it wins.
  const other = (role: Exclude<Role, 'name'>) => (roles[role] !== undefined && roles[role] !== name ? { [role]: roles[role] } : {});
  return {
    name,
    ...other('aliases'),
    ...other('parent'),
    ...other('description'),
    attributes: Object.fromEntries([...byAttribute].filter(([, column]) => column !== name)),
  };
}

/**
 * The hints {@link suggestMapping} takes for a case type: its own name, and the types its cases
 * may sit inside (its parent type, or, for a type without one such as informants, every other).
 */
export function mappingOptionsFor(
  type: { readonly id: string; readonly name: string; readonly parentId: string | null },
  types: readonly { readonly id: string; readonly name: string }[],
): SuggestOptions {
  const parents = type.parentId ? types.filter((t) => t.id === type.parentId) : types.filter((t) => t.id !== type.id);
  return { typeName: type.name, parentTypeNames: parents.map((t) => t.name) };
}

/** What a mapping does with each column, in words: `name`, `attribute “Gender”`, `new number attribute “Стаж”`, or null (ignored). */
export function columnRoles(mapping: CaseImportMapping, columns: number, attributeName: (id: string) => string): (string | null)[] {
  const roles: (string | null)[] = Array.from({ length: columns }, () => null);
  const put = (column: number | undefined, role: string): void => {
    if (column !== undefined && column < columns) roles[column] = roles[column] ? `${roles[column]}, ${role}` : role;
  };
  put(mapping.name, 'name');
  put(mapping.aliases, 'aliases');
  put(mapping.parent, 'parent');
  put(mapping.description, 'description');
  for (const [id, column] of Object.entries(mapping.attributes)) put(column, `attribute “${attributeName(id)}”`);
  for (const a of mapping.createAttributes ?? []) put(a.column, `new ${a.valueType} attribute “${a.name}”`);
  return roles;
}
