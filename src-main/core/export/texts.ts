/** The fixed words of exported files, in English and Russian. */
export type ExportLanguage = 'en' | 'ru';

export const EXPORT_TEXTS = {
  en: {
    extractsTitle: 'Coded extracts',
    codebookTitle: 'Codebook',
    exported: 'Exported',
    excerpts: (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'excerpt' : 'excerpts'}`,
    coder: 'Coder',
    memo: 'Memo',
    codes: 'Codes',
    context: 'Context',
    translation: (language: string) => `Translation (${language})`,
    noTranslation: (language: string) => `No ${language} translation yet.`,
    quoteId: 'Quote id',
    noCase: 'No case',
    sheet: 'Extracts',
    columns: {
      group: 'Group',
      citation: 'Citation',
      quoteId: 'Quote id',
      excerpt: 'Excerpt',
      contextBefore: 'Context before',
      contextAfter: 'Context after',
      codes: 'Codes',
      coder: 'Coder',
      memo: 'Memo',
      document: 'Document',
      documentDate: 'Document date',
      speaker: 'Speaker',
      case: 'Case',
      documentId: 'Document id',
      start: 'Start',
      end: 'End',
    },
    codebook: {
      definition: 'Definition',
      inclusion: 'When to use',
      exclusion: 'When not to use',
      example: 'Example',
      counts: (codings: number, documents: number) =>
        `${codings.toLocaleString('en-US')} ${codings === 1 ? 'coding' : 'codings'} in ${documents.toLocaleString('en-US')} ${documents === 1 ? 'document' : 'documents'}`,
      history: 'Changes',
      archived: 'archived',
      columns: ['path', 'name', 'parent', 'color', 'definition', 'inclusion', 'exclusion', 'example', 'codings', 'documents', 'archived', 'changes'],
    },
  },
  ru: {
    extractsTitle: 'Закодированные фрагменты',
    codebookTitle: 'Кодовая книга',
    exported: 'Выгружено',
    excerpts: (n: number) => `${n.toLocaleString('ru-RU')} ${plural(n, 'фрагмент', 'фрагмента', 'фрагментов')}`,
    coder: 'Кодировщик',
    memo: 'Заметка',
    codes: 'Коды',
    context: 'Контекст',
    translation: (language: string) => `Перевод (${language})`,
    noTranslation: (language: string) => `Перевода (${language}) пока нет.`,
    quoteId: 'Номер цитаты',
    noCase: 'Без случая',
    sheet: 'Фрагменты',
    columns: {
      group: 'Группа',
      citation: 'Ссылка',
      quoteId: 'Номер цитаты',
      excerpt: 'Фрагмент',
      contextBefore: 'Контекст до',
      contextAfter: 'Контекст после',
      codes: 'Коды',
      coder: 'Кодировщик',
      memo: 'Заметка',
      document: 'Документ',
      documentDate: 'Дата документа',
      speaker: 'Говорящий',
      case: 'Случай',
      documentId: 'Код документа',
      start: 'Начало',
      end: 'Конец',
    },
    codebook: {
      definition: 'Определение',
      inclusion: 'Когда применять',
      exclusion: 'Когда не применять',
      example: 'Пример',
      counts: (codings: number, documents: number) =>
        `${codings.toLocaleString('ru-RU')} ${plural(codings, 'кодировка', 'кодировки', 'кодировок')} в ${documents.toLocaleString('ru-RU')} ${plural(documents, 'документе', 'документах', 'документах')}`,
      history: 'Изменения',
      archived: 'в архиве',
      columns: ['path', 'name', 'parent', 'color', 'definition', 'inclusion', 'exclusion', 'example', 'codings', 'documents', 'archived', 'changes'],
    },
  },
} as const;

/** Russian plural: 1 фрагмент, 2 фрагмента, 5 фрагментов. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
