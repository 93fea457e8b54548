/**
 * Russian when most letters are Cyrillic, else English: the two languages of the material. A
 * guess to pre-fill a document's language, which the researcher can always change.
 *
 * @example
 * guessLanguage('Мастер даёт калым своим') // 'ru'
 */
export function guessLanguage(text: string): 'ru' | 'en' {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic >= latin ? 'ru' : 'en';
}
