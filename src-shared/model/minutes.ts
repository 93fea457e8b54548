/**
 * The minutes of a meeting as Markdown: who came, each agenda item with its excerpt and what was
 * decided, and the open questions (items left undecided or recorded as a disagreement). A pure
 * function of the meeting, so the desktop, the browser edition and the CLI print the same minutes,
 * in English or Russian (the language the team works in).
 */
import type { AgendaKind, AgendaTarget, Meeting, MeetingDecision, MeetingItem, MeetingOutcome, MinutesLanguage } from '../contract/meetings';

/** The fixed words of the minutes, one set per language. */
interface MinutesTexts {
  readonly outcomes: Readonly<Record<MeetingOutcome, string>>;
  readonly kinds: Readonly<Record<AgendaKind, string>>;
  readonly person: Readonly<Record<AgendaKind, string>>;
  readonly deleted: string;
  readonly meeting: (team: string) => string;
  readonly team: string;
  readonly date: string;
  readonly attendees: string;
  readonly noAttendees: string;
  readonly items: string;
  readonly emptyAgenda: string;
  readonly decision: string;
  readonly noDecision: string;
  readonly newField: Readonly<Record<string, string>>;
  readonly openQuestions: string;
  readonly none: string;
  readonly item: string;
  readonly undecided: string;
  readonly unknown: string;
  readonly coder: string;
  readonly reviewer: string;
  readonly recode: (from: string, to: string) => string;
  readonly split: (count: number, from: string, to: string) => string;
  readonly merge: (from: string, to: string) => string;
}

const EN: MinutesTexts = {
  outcomes: {
    keep: 'Kept as coded',
    recode: 'Recoded',
    'refine-definition': 'Definition refined',
    'flag-for-paper': 'Flagged for a paper',
    disagreement: 'Disagreement recorded',
    split: 'Code split',
    merge: 'Codes merged',
  },
  kinds: { coding: 'Coding', document: 'Document', memo: 'Memo' },
  person: { coding: 'Coder', document: 'Added by', memo: 'Author' },
  deleted: 'since deleted',
  meeting: (team) => `${team} meeting`,
  team: 'Team',
  date: 'Date',
  attendees: 'Attendees',
  noAttendees: '_None recorded._',
  items: 'Items',
  emptyAgenda: '_The agenda was empty._',
  decision: 'Decision',
  noDecision: '_No decision yet._',
  newField: { definition: 'New definition', inclusion: 'New inclusion', exclusion: 'New exclusion', example: 'New example' },
  openQuestions: 'Open questions',
  none: '_None._',
  item: 'Item',
  undecided: 'not discussed or undecided',
  unknown: '?',
  coder: 'coder',
  reviewer: 'reviewer',
  recode: (from, to) => `from ${from} to ${to}`,
  split: (count, from, to) => `${count} ${count === 1 ? 'coding' : 'codings'} of ${from} into ${to}`,
  merge: (from, to) => `${from} into ${to}`,
};

const RU: MinutesTexts = {
  outcomes: {
    keep: 'Оставлено как закодировано',
    recode: 'Перекодировано',
    'refine-definition': 'Определение уточнено',
    'flag-for-paper': 'Отмечено для статьи',
    disagreement: 'Записано разногласие',
    split: 'Код разделён',
    merge: 'Коды объединены',
  },
  kinds: { coding: 'Кодировка', document: 'Документ', memo: 'Мемо' },
  person: { coding: 'Кодировщик', document: 'Добавил(а)', memo: 'Автор' },
  deleted: 'с тех пор удалено',
  meeting: (team) => `Встреча: ${team}`,
  team: 'Группа',
  date: 'Дата',
  attendees: 'Присутствовали',
  noAttendees: '_Не записаны._',
  items: 'Вопросы',
  emptyAgenda: '_Повестка была пуста._',
  decision: 'Решение',
  noDecision: '_Решения пока нет._',
  newField: { definition: 'Новое определение', inclusion: 'Новый критерий включения', exclusion: 'Новый критерий исключения', example: 'Новый пример' },
  openQuestions: 'Открытые вопросы',
  none: '_Нет._',
  item: 'Вопрос',
  undecided: 'не обсуждался или решение не принято',
  unknown: '?',
  coder: 'кодировщик',
  reviewer: 'рецензент',
  recode: (from, to) => `с «${from}» на «${to}»`,
  split: (count, from, to) => `кодировок «${from}»: ${count}, в «${to}»`,
  merge: (from, to) => `«${from}» в «${to}»`,
};

/** The fixed words of the minutes in a language. */
export const MINUTES_TEXTS: Readonly<Record<MinutesLanguage, MinutesTexts>> = { en: EN, ru: RU };

/** Text that cannot break the Markdown around it (no headings or lists started by a quote). */
const inline = (text: string): string => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<>|])/g, '\\$1').trim();

const day = (iso: string): string => iso.slice(0, 10);

function targetTitle(target: AgendaTarget, t: MinutesTexts): string {
  if (!target.exists) return `${t.kinds[target.kind].toLocaleLowerCase()} (${t.deleted})`;
  if (target.kind === 'coding') return `${t.kinds.coding}: ${inline(target.label)} — ${inline(target.documentTitle ?? '')}`;
  return `${t.kinds[target.kind]}: ${inline(target.label)}`;
}

function decisionLine(decision: MeetingDecision, t: MinutesTexts): string {
  const d = decision.details;
  const q = t.unknown;
  const what: Partial<Record<MeetingOutcome, string>> = {
    recode: t.recode(d.fromCodeName ?? q, d.toCodeName ?? q),
    'refine-definition': d.codeName ?? '',
    'flag-for-paper': d.paper ?? '',
    disagreement: `${d.coderName ?? t.coder}: ${d.fromCodeName ?? q}; ${d.reviewerName ?? t.reviewer}: ${d.toCodeName ?? q}`,
    split: t.split(d.codingIds?.length ?? 0, d.fromCodeName ?? q, d.toCodeName ?? q),
    merge: t.merge(d.fromCodeName ?? q, d.toCodeName ?? q),
  };
  const detail = what[decision.outcome];
  return `**${t.decision}:** ${t.outcomes[decision.outcome]}${detail ? ` (${inline(detail)})` : ''} — ${inline(decision.decidedByName)}, ${day(decision.decidedAt)}`;
}

function itemLines(item: MeetingItem, n: number, t: MinutesTexts): string[] {
  const { target, decision } = item;
  const lines = [`### ${n}. ${targetTitle(target, t)}`, ''];
  if (target.exists && target.quote) lines.push(`> ${inline(target.quote)}`, '');
  if (target.exists && target.personName) lines.push(`${t.person[target.kind]}: ${inline(target.personName)}`, '');
  if (decision) {
    lines.push(decisionLine(decision, t), '');
    if (decision.details.after) {
      for (const [field, text] of Object.entries(decision.details.after)) lines.push(`${t.newField[field] ?? field}: ${inline(text)}`, '');
    }
    if (decision.note.trim()) lines.push(decision.note.trim(), '');
  } else {
    lines.push(t.noDecision, '');
  }
  return lines;
}

/** Open questions: items not decided, and disagreements to come back to. */
function openQuestions(meeting: Meeting, t: MinutesTexts): string[] {
  const decisionPrefix = `**${t.decision}:** `;
  return meeting.items.flatMap((item, i) =>
    item.decision === null
      ? [`- ${t.item} ${i + 1} (${targetTitle(item.target, t)}): ${t.undecided}`]
      : item.decision.outcome === 'disagreement'
        ? [`- ${t.item} ${i + 1} (${targetTitle(item.target, t)}): ${inline(decisionLine(item.decision, t).slice(decisionPrefix.length))}`]
        : [],
  );
}

export function renderMinutesMarkdown(meeting: Meeting, language: MinutesLanguage = 'en'): string {
  const t = MINUTES_TEXTS[language];
  const title = meeting.title.trim() || t.meeting(meeting.team);
  const questions = openQuestions(meeting, t);
  const lines = [
    `# ${inline(title)}`,
    '',
    `${t.team}: ${inline(meeting.team)}  `,
    `${t.date}: ${day(meeting.heldAt)}`,
    '',
    `## ${t.attendees}`,
    '',
    ...(meeting.attendees.length > 0 ? meeting.attendees.map((a) => `- ${inline(a.name)}`) : [t.noAttendees]),
    '',
    `## ${t.items}`,
    '',
    ...(meeting.items.length > 0 ? meeting.items.flatMap((item, i) => itemLines(item, i + 1, t)) : [t.emptyAgenda, '']),
    `## ${t.openQuestions}`,
    '',
    ...(questions.length > 0 ? questions : [t.none]),
    '',
  ];
  return lines.join('\n');
}
