import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../../src-renderer/i18n/en';
import { ru } from '../../../src-renderer/i18n/ru';
import { areas } from '../../../src-renderer/i18n/areas';

type Tree = { readonly [key: string]: string | Tree };

/** Every key path, with i18next's plural suffixes folded so _one/_few/_many/_other count as one key. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') out.add(path);
    else for (const k of keys(value, `${path}.`)) out.add(k);
  }
  return out;
}

describe('the interface texts', () => {
  it('have every English key in Russian and no extra ones', () => {
    expect([...keys(ru)].sort()).toEqual([...keys(en)].sort());
    expect([...keys(areas.ru as Tree)].sort()).toEqual([...keys(areas.en as Tree)].sort());
  });

  it('use all of Russian’s plural forms wherever English has a plural', () => {
    const plural = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? (k.endsWith('_other') ? [`${prefix}${k.slice(0, -6)}`] : []) : plural(v, `${prefix}${k}.`)));
    const flat = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flat(v, `${prefix}${k}.`)));
    for (const [english, russianTexts] of [[en, ru], [areas.en, areas.ru]] as [Tree, Tree][]) {
      const russian = new Set(flat(russianTexts));
      for (const key of plural(english)) for (const form of ['one', 'few', 'many', 'other']) expect(russian, `${key}_${form}`).toContain(`${key}_${form}`);
    }
  });

  it('format counts by language: Russian plurals and digit grouping', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ru', resources: { ru: { translation: ru }, en: { translation: en } }, interpolation: { escapeValue: false } });
    expect(i18n.t('nav.documentsCount', { count: 1 })).toBe('1 документ');
    expect(i18n.t('nav.documentsCount', { count: 3 })).toBe('3 документа');
    expect(i18n.t('nav.documentsCount', { count: 350 })).toBe('350 документов');
    // Russian groups digits with a (no-break) space, English with a comma.
    expect(i18n.t('nav.codingsCount', { count: 25000 })).toMatch(/^25\s000 кодировок$/u);
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.codingsCount', { count: 2500 })).toBe('2,500 codings');
  });
});
