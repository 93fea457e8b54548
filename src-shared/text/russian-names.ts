/**
 * How a Russian (or transliterated) name word inflects, for the pseudonym overlay: which endings
 * a registered word may carry in running text, and which ending a pseudonym takes in the same case.
 *
 * Every word falls into a paradigm by its last letters. A paradigm lists its endings per grammatical
 * slot (masculine, feminine and plural cases); matching accepts any ending of the word's paradigm,
 * replacement looks up the slot of the ending found and gives the pseudonym word that slot's ending
 * in its own paradigm (Иванову → dative → Петрову; Иванову → dative → Петру for a first name).
 *
 * Deliberately not matched: derived words that merely start with a name. A patronymic (Иванович,
 * Ивановна) is another word than the surname Иванов, and Ивановка (a village) is not Иванов: such
 * words carry suffixes (-ич, -на, -ка, -ский) no paradigm here lists. A researcher who wants a
 * patronymic hidden registers it as an alias ("Иван Иванович").
 */

import { foldForSearch } from './normalize';

/** Cases in order: nominative, genitive, dative, accusative, instrumental, prepositional. */
const CASES = 6;
/** Slots: masculine singular cases, then feminine singular, then plural. */
type Slots = readonly (readonly string[])[];

/** Marks the genitive plural with no ending and a vowel put into the stem (Кольца → Колец). */
export const FLEETING = '∅';

export type ParadigmName = 'ov' | 'adj' | 'a' | 'ya' | 'cons' | 'j' | 'soft' | 'o' | 'latinOv' | 'latin' | 'fixed';

interface Paradigm {
  readonly name: ParadigmName;
  /** Length of the nominative ending the word was registered with (cut off to get the stem). */
  readonly cut: number;
  readonly slots: Slots;
}

const slots = (m: readonly string[][], f: readonly string[][] | null, pl: readonly string[][]): Slots => [...m, ...(f ?? m), ...pl];

/** Surnames in -ов/-ев/-ин/-ын (and their feminine -ова…): Иванов, Иванова, Иванову, Ивановых. */
const OV = slots(
  [[''], ['а'], ['у'], ['а'], ['ым'], ['е']],
  [['а'], ['ой'], ['ой'], ['у'], ['ой', 'ою'], ['ой']],
  [['ы'], ['ых'], ['ым'], ['ых'], ['ыми'], ['ых']],
);
/** Adjectival surnames and names: Горский, Горская, Горскому; Красный; Толстой. */
const ADJ = slots(
  [['ий', 'ый', 'ой'], ['ого', 'его'], ['ому', 'ему'], ['ого', 'его'], ['им', 'ым'], ['ом', 'ем']],
  [['ая', 'яя'], ['ой', 'ей'], ['ой', 'ей'], ['ую', 'юю'], ['ой', 'ою', 'ей'], ['ой', 'ей']],
  [['ие', 'ые'], ['их', 'ых'], ['им', 'ым'], ['их', 'ых'], ['ими', 'ыми'], ['их', 'ых']],
);
/** Nouns in -а: Юра, Юры, Юре, Юрой; and plurals like «Кольца» (Колец, Кольцам). */
const A = slots([['а'], ['ы', 'и'], ['е'], ['у'], ['ой', 'ою'], ['е']], null, [['ы', 'и', 'а'], [FLEETING], ['ам'], ['ы', 'и'], ['ами'], ['ах']]);
/** Nouns in -я: Таня, Тани, Тане, Таней; Мария, Марии. */
const YA = slots([['я'], ['и'], ['е', 'и'], ['ю'], ['ей', 'ею'], ['е', 'и']], null, [['и'], ['ь', 'ей'], ['ям'], ['и'], ['ями'], ['ях']]);
/** Nouns ending in a consonant: Иван, Ивана, Ивану, Иваном; Маяк. */
const CONS = slots([[''], ['а'], ['у'], ['а'], ['ом', 'ем'], ['е']], null, [['ы', 'и'], ['ов', 'ей'], ['ам'], ['ов'], ['ами'], ['ах']]);
/** Nouns in -й: Юрий, Юрия, Юрию, Юрием. */
const J = slots([['й'], ['я'], ['ю'], ['я'], ['ем'], ['е', 'и']], null, [['и'], ['ев'], ['ям'], ['ев'], ['ями'], ['ях']]);
/** Nouns in -ь: Игорь, Игоря, Игорю, Игорем. */
const SOFT = slots([['ь'], ['я', 'и'], ['ю', 'и'], ['я', 'ь'], ['ем', 'ью'], ['е', 'и']], null, [['и'], ['ей'], ['ям'], ['ей'], ['ями'], ['ях']]);
/** Neuter nouns in -о/-е: Кольцо, Кольца, Кольцу, Кольцом. */
const O = slots([['о', 'е'], ['а', 'я'], ['у', 'ю'], ['о', 'е'], ['ом', 'ем'], ['е', 'и']], null, [['а', 'я'], [FLEETING], ['ам', 'ям'], ['а', 'я'], ['ами', 'ями'], ['ах', 'ях']]);
/** Transliterated surnames: Ivanov, Ivanova, Ivanov's. */
const LATIN_OV = slots([[''], ['a'], ['u'], ['a'], ['ym'], ['e']], [['a'], ['oy', 'oi'], ['oy', 'oi'], ['u'], ['oy', 'oi'], ['oy', 'oi']], [['s'], ['ykh', 'ych'], ['ym'], ['ykh'], ['ymi'], ['ykh']]);
const LATIN = slots([[''], [''], [''], [''], [''], ['']], null, [['s'], ['s'], ['s'], ['s'], ['s'], ['s']]);
/** Words that do not inflect: Шевченко, Черных, numbers. */
const FIXED = slots([[''], [''], [''], [''], [''], ['']], null, [[''], [''], [''], [''], [''], ['']]);

const CYRILLIC = /[а-яё]/;
const HUSHING = /[кгхжшчщ]$/;

/** The paradigm a (folded: lower case, ё as е) word belongs to. */
export function paradigmOf(word: string): Paradigm {
  if (!CYRILLIC.test(word)) {
    if (/[a-z]/.test(word)) {
      if (/(ov|ev|in|yn|ow|ew)$/.test(word) && word.length >= 4) return { name: 'latinOv', cut: 0, slots: LATIN_OV };
      if (/(ova|eva|ina|yna|owa|ewa)$/.test(word) && word.length >= 5) return { name: 'latinOv', cut: 1, slots: LATIN_OV };
      return { name: 'latin', cut: 0, slots: LATIN };
    }
    return { name: 'fixed', cut: 0, slots: FIXED };
  }
  if (word.length < 3 || /(ко|их|ых|аго|яго|ово|ски|ые|ие)$/.test(word)) return { name: 'fixed', cut: 0, slots: FIXED };
  if (/(ов|ев|ин|ын)$/.test(word) && word.length >= 4) return { name: 'ov', cut: 0, slots: OV };
  if (/(ова|ева|ина|ына)$/.test(word) && word.length >= 5) return { name: 'ov', cut: 1, slots: OV };
  if (/([кгх]ий|ый|ой|ая|яя|ое|ее)$/.test(word)) return { name: 'adj', cut: 2, slots: ADJ };
  // A name in the plural, like an -а noun's plural (Втулки, Химки, Люберцы: Втулок, Химкам);
  // other endings in -и are usually foreign names that do not inflect (Сочи, Тбилиси).
  if (/([кгх]и|[бвдзлмнпрстфц]ы)$/.test(word) && word.length >= 4) return { name: 'a', cut: 1, slots: A };
  if (word.endsWith('а')) return { name: 'a', cut: 1, slots: A };
  if (word.endsWith('я')) return { name: 'ya', cut: 1, slots: YA };
  if (word.endsWith('й')) return { name: 'j', cut: 1, slots: J };
  if (word.endsWith('ь')) return { name: 'soft', cut: 1, slots: SOFT };
  if (/[ое]$/.test(word)) return { name: 'o', cut: 1, slots: O };
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) return { name: 'cons', cut: 0, slots: CONS };
  return { name: 'fixed', cut: 0, slots: FIXED };
}

/**
 * The genitive plural without an ending: a vowel goes between the last two consonants of the stem
 * (кольц → колец, кукл → кукол). None when the stem does not end in two consonants.
 */
export function fleetingStems(stem: string): string[] {
  const m = /([бвгджзклмнпрстфхцчшщ])([ьй]?)([бвгджзклмнпрстфхцчшщ])$/.exec(stem);
  if (!m) return [];
  const head = stem.slice(0, m.index) + m[1];
  return [`${head}е${m[3]}`, `${head}о${m[3]}`];
}

/**
 * The stem of a genitive plural with no ending when a vowel surely goes in: after a soft sign or й
 * before the last consonant (Кольца → Колец), and before the suffix -к- (Втулки → Втулок, Ложки →
 * Ложек). Elsewhere the bare stem is the likelier form (Искра → Искр), so none.
 */
function genitivePluralStem(stem: string): string | undefined {
  if (/[ьй][бвгджзклмнпрстфхцчшщ]$/.test(stem)) return fleetingStems(stem)[0];
  const k = /([бвгджзлмнпрстфхцчшщ])к$/.exec(stem);
  if (!k) return undefined;
  return `${stem.slice(0, -1)}${/[жчшщ]/.test(k[1]!) ? 'е' : 'о'}к`;
}

/** One way a registered word can appear: a stem (in folded form) and the endings it takes. */
export interface WordVariant {
  readonly stem: string;
  readonly endings: readonly string[];
}

/** Every stem and ending a folded word may appear with in running text. */
export function variantsOf(word: string): WordVariant[] {
  const p = paradigmOf(word);
  const stem = word.slice(0, word.length - p.cut);
  const endings = new Set<string>();
  for (const slot of p.slots) for (const e of slot) if (e !== FLEETING) endings.add(e);
  const variants: WordVariant[] = [{ stem, endings: [...endings] }];
  // The genitive plural with no ending, with or without a vowel put in (Юр, Колец, Кукол).
  if (p.slots.some((s) => s.includes(FLEETING))) for (const f of [stem, ...fleetingStems(stem)]) variants.push({ stem: f, endings: [''] });
  // A vowel that drops out before an ending: Павел → Павла, Орёл → Орла.
  if (p.name === 'cons') {
    const dropped = /^(.*[бвгджзклмнпрстфхцчшщ])[еоё]([бвгджзклмнпрстфхцчшщ])$/.exec(stem);
    if (dropped) variants.push({ stem: dropped[1]! + dropped[2]!, endings: [...endings].filter((e) => e !== '') });
  }
  return variants;
}

/**
 * The slot an ending found on a word stands in: the first that lists it, looking first at the
 * feminine cases for a word registered in its feminine form (Иванова: "Иванова" is nominative).
 */
export function slotOf(word: string, ending: string, fleeting: boolean): number {
  const p = paradigmOf(word);
  const order = Array.from(p.slots.keys());
  if (p.cut === 1 && (p.name === 'ov' || p.name === 'latinOv')) order.sort((a, b) => Number(b >= CASES && b < 2 * CASES) - Number(a >= CASES && a < 2 * CASES));
  const own = word.slice(word.length - p.cut);
  // The nominative is the registered word itself: "Горской" is never the nominative of Горский.
  const found = order.find((i) => (i === 0 && !fleeting ? ending === own : p.slots[i]!.includes(fleeting ? FLEETING : ending)));
  return found ?? 0;
}

/**
 * A word (as the user spelled it, e.g. the pseudonym "Петров") put in a slot: its stem keeps the
 * user's spelling, the ending comes from its paradigm. The nominative keeps the word as written.
 */
export function inflect(word: string, slot: number): string {
  if (slot === 0) return word;
  const folded = foldForSearch(word);
  const p = paradigmOf(folded);
  const stem = word.slice(0, word.length - p.cut);
  const foldedStem = folded.slice(0, folded.length - p.cut);
  let ending = p.slots[slot]?.[0] ?? '';
  if (ending === FLEETING) {
    const fleeting = genitivePluralStem(foldedStem);
    return fleeting === undefined ? stem : withCaseOf(stem, fleeting);
  }
  if (HUSHING.test(foldedStem)) ending = ending.replace(/^ы/, 'и');
  else if (p.name === 'adj' && /^[ыо]/.test(folded.slice(-2))) ending = ending.replace(/^и/, 'ы');
  return stem + ending;
}

/** `folded` (lower case) written with the capitals of `model` where their letters line up. */
function withCaseOf(model: string, folded: string): string {
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const m = model[i];
    out += m !== undefined && m !== m.toLowerCase() ? folded[i]!.toUpperCase() : folded[i]!;
  }
  return out;
}
