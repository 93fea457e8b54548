/**
 * The codebook's history as a file: CSV with one row per changed field (a spreadsheet filters it
 * by code, field or meeting), or Markdown for a methods appendix. English or Russian labels.
 */
import type { CodeHistoryAction, CodeHistoryEntry, CodeHistoryField, CodeHistoryFormat } from '../../../src-shared/contract/codebook-history';
import type { ExportLanguage } from './texts';
import { plural } from './texts';
import { markdownText } from './markdown';
import { lines } from './writer';
import { csvTable } from './csv';

interface HistoryTexts {
  readonly title: string;
  readonly columns: readonly string[];
  readonly actions: Readonly<Record<CodeHistoryAction, string>>;
  readonly fields: Readonly<Record<CodeHistoryField, string>>;
  readonly who: string;
  readonly why: string;
  readonly meeting: string;
  readonly before: string;
  readonly after: string;
  readonly empty: string;
  readonly codings: (n: number) => string;
}

export const HISTORY_TEXTS: Readonly<Record<ExportLanguage, HistoryTexts>> = {
  en: {
    title: 'Codebook history',
    columns: ['date', 'code', 'change', 'field', 'before', 'after', 'who', 'why', 'meeting', 'meeting date'],
    actions: {
      created: 'created',
      edited: 'edited',
      renamed: 'renamed',
      moved: 'moved',
      archived: 'archived',
      restored: 'restored from the archive',
      'merged-into': 'merged into',
      'merged-from': 'received by merge from',
      'split-into': 'split into',
      'split-from': 'received by split from',
      deleted: 'deleted',
    },
    fields: { name: 'Name', color: 'Colour', parent: 'Parent', definition: 'Definition', inclusion: 'When to use', exclusion: 'When not to use', example: 'Example' },
    who: 'Who',
    why: 'Why',
    meeting: 'Meeting',
    before: 'Before',
    after: 'After',
    empty: '(empty)',
    codings: (n) => `${n.toLocaleString('en-US')} ${n === 1 ? 'coding' : 'codings'}`,
  },
  ru: {
    title: 'История кодовой книги',
    columns: ['дата', 'код', 'изменение', 'поле', 'было', 'стало', 'кто', 'почему', 'встреча', 'дата встречи'],
    actions: {
      created: 'создан',
      edited: 'изменён',
      renamed: 'переименован',
      moved: 'перемещён',
      archived: 'перенесён в архив',
      restored: 'возвращён из архива',
      'merged-into': 'объединён с',
      'merged-from': 'принял при объединении код',
      'split-into': 'разделён, часть перенесена в',
      'split-from': 'получил при разделении часть кода',
      deleted: 'удалён',
    },
    fields: { name: 'Название', color: 'Цвет', parent: 'Родительский код', definition: 'Определение', inclusion: 'Когда применять', exclusion: 'Когда не применять', example: 'Пример' },
    who: 'Кто',
    why: 'Почему',
    meeting: 'Встреча',
    before: 'Было',
    after: 'Стало',
    empty: '(пусто)',
    codings: (n) => `${n.toLocaleString('ru-RU')} ${plural(n, 'кодировка', 'кодировки', 'кодировок')}`,
  },
};

const day = (iso: string): string => iso.slice(0, 10);

/** "merged into Type 3 (12 codings)": the action with the other code, as one phrase. */
function actionText(t: HistoryTexts, e: CodeHistoryEntry): string {
  const other = e.otherCodeName !== null ? ` ${e.otherCodeName}` : '';
  const codings = e.codings > 0 ? ` (${t.codings(e.codings)})` : '';
  return `${t.actions[e.action]}${other}${codings}`;
}

const meetingName = (e: CodeHistoryEntry): string => (e.meeting ? e.meeting.title || e.meeting.team : '');

export function codeHistoryCsv(entries: readonly CodeHistoryEntry[], language: ExportLanguage): string {
  const t = HISTORY_TEXTS[language];
  const records = entries.flatMap((e) => {
    const common = (field: string, before: string, after: string) => [
      e.at.replace('T', ' ').slice(0, 16),
      e.codeName,
      actionText(t, e),
      field,
      before,
      after,
      e.actorName,
      e.reason,
      meetingName(e),
      e.meeting ? day(e.meeting.heldAt) : '',
    ];
    return e.fields.length === 0 ? [common('', '', '')] : e.fields.map((f) => common(t.fields[f.field], f.before ?? '', f.after ?? ''));
  });
  return csvTable([[...t.columns], ...records]);
}

export function codeHistoryMarkdown(entries: readonly CodeHistoryEntry[], language: ExportLanguage, title: string): string {
  const t = HISTORY_TEXTS[language];
  const quote = (value: string | null) => (value === null || value === '' ? `*${t.empty}*` : lines(value).map(markdownText).join('  \n'));
  const out: string[] = [`# ${markdownText(title)}`];
  for (const e of entries) {
    out.push(`## ${day(e.at)} · ${markdownText(e.codeName)} · ${markdownText(actionText(t, e))}`);
    const facts = [`**${t.who}:** ${markdownText(e.actorName)}`, `**${t.why}:** ${lines(e.reason).map(markdownText).join(' ')}`];
    if (e.meeting) facts.push(`**${t.meeting}:** ${markdownText(meetingName(e))}, ${day(e.meeting.heldAt)}`);
    out.push(facts.join('  \n'));
    for (const f of e.fields) out.push(`**${t.fields[f.field]}**\n\n- ${t.before}: ${quote(f.before)}\n- ${t.after}: ${quote(f.after)}`);
  }
  return `${out.join('\n\n')}\n`;
}

export const CODE_HISTORY_MIME: Readonly<Record<CodeHistoryFormat, string>> = { csv: 'text/csv;charset=utf-8', md: 'text/markdown;charset=utf-8' };

export function writeCodeHistory(entries: readonly CodeHistoryEntry[], format: CodeHistoryFormat, language: ExportLanguage, title: string): string {
  return format === 'csv' ? codeHistoryCsv(entries, language) : codeHistoryMarkdown(entries, language, title);
}
