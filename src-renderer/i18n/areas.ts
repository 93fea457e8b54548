/**
 * Texts of larger views kept in their own files (one per area, each with `en` and `ru`), merged
 * here under the area's name: `t('memo.save')` reads `memo.ts`'s `save`.
 */
import { memo } from './memo';
import { reader } from './reader';
import { codebook } from './codebook';
import { importTexts } from './import';
import { caseImport } from './case-import';
import { compare } from './compare';
import { retrieve } from './retrieve';
import { search } from './search';
import { pseudonyms } from './pseudonyms';
import { citations } from './citations';
import { exportTexts } from './export';
import { meetings } from './meetings';
import { agreement } from './agreement';
import { adjudicate } from './adjudicate';
import { codeHistory } from './code-history';
import { circulation } from './circulation';
import { exchange } from './exchange';
import { speakers } from './speakers';
import { summaries } from './summaries';

const all = {
  memo,
  reader,
  codebook,
  import: importTexts,
  caseImport,
  compare,
  retrieve,
  search,
  pseudonyms,
  citations,
  export: exportTexts,
  meetings,
  agreement,
  adjudicate,
  codeHistory,
  circulation,
  exchange,
  speakers,
  summaries,
} as const;

type Area = keyof typeof all;

export const areas = {
  en: Object.fromEntries(Object.entries(all).map(([name, texts]) => [name, texts.en])) as { [A in Area]: (typeof all)[A]['en'] },
  ru: Object.fromEntries(Object.entries(all).map(([name, texts]) => [name, texts.ru])) as { [A in Area]: (typeof all)[A]['ru'] },
};
