/**
 * The minutes of a meeting as Markdown: who came, each agenda item with its excerpt and what was
 * decided, and the open questions (items left undecided or recorded as a disagreement). A pure
 * function of the meeting, so the desktop, the browser edition and the CLI print the same minutes.
 */
import type { AgendaTarget, Meeting, MeetingDecision, MeetingItem, MeetingOutcome } from '../contract/meetings';

const OUTCOME_LABELS: Readonly<Record<MeetingOutcome, string>> = {
  keep: 'Kept as coded',
  recode: 'Recoded',
  'refine-definition': 'Definition refined',
  'flag-for-paper': 'Flagged for a paper',
  disagreement: 'Disagreement recorded',
  split: 'Code split',
  merge: 'Codes merged',
};

/** Text that cannot break the Markdown around it (no headings or lists started by a quote). */
const inline = (text: string): string => text.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<>|])/g, '\\$1').trim();

const day = (iso: string): string => iso.slice(0, 10);

function targetTitle(target: AgendaTarget): string {
  if (!target.exists) return `${target.kind} (since deleted)`;
  if (target.kind === 'coding') return `Coding: ${inline(target.label)} — ${inline(target.documentTitle ?? '')}`;
  if (target.kind === 'document') return `Document: ${inline(target.label)}`;
  return `Memo: ${inline(target.label)}`;
}

function decisionLine(decision: MeetingDecision): string {
  const d = decision.details;
  const what: Partial<Record<MeetingOutcome, string>> = {
    recode: `from ${d.fromCodeName ?? '?'} to ${d.toCodeName ?? '?'}`,
    'refine-definition': d.codeName ?? '',
    'flag-for-paper': d.paper ?? '',
    disagreement: `${d.coderName ?? 'coder'}: ${d.fromCodeName ?? '?'}; ${d.reviewerName ?? 'reviewer'}: ${d.toCodeName ?? '?'}`,
    split: `${d.codingIds?.length ?? 0} coding(s) of ${d.fromCodeName ?? '?'} into ${d.toCodeName ?? '?'}`,
    merge: `${d.fromCodeName ?? '?'} into ${d.toCodeName ?? '?'}`,
  };
  const detail = what[decision.outcome];
  return `**Decision:** ${OUTCOME_LABELS[decision.outcome]}${detail ? ` (${inline(detail)})` : ''} — ${inline(decision.decidedByName)}, ${day(decision.decidedAt)}`;
}

function itemLines(item: MeetingItem, n: number): string[] {
  const { target, decision } = item;
  const lines = [`### ${n}. ${targetTitle(target)}`, ''];
  if (target.exists && target.quote) lines.push(`> ${inline(target.quote)}`, '');
  if (target.exists && target.personName) lines.push(`${target.kind === 'coding' ? 'Coder' : target.kind === 'memo' ? 'Author' : 'Added by'}: ${inline(target.personName)}`, '');
  if (decision) {
    lines.push(decisionLine(decision), '');
    if (decision.details.after) {
      for (const [field, text] of Object.entries(decision.details.after)) lines.push(`New ${field}: ${inline(text)}`, '');
    }
    if (decision.note.trim()) lines.push(decision.note.trim(), '');
  } else {
    lines.push('_No decision yet._', '');
  }
  return lines;
}

/** Open questions: items not decided, and disagreements to come back to. */
function openQuestions(meeting: Meeting): string[] {
  return meeting.items.flatMap((item, i) =>
    item.decision === null
      ? [`- Item ${i + 1} (${targetTitle(item.target)}): not discussed or undecided`]
      : item.decision.outcome === 'disagreement'
        ? [`- Item ${i + 1} (${targetTitle(item.target)}): ${inline(decisionLine(item.decision).replace(/^\*\*Decision:\*\* /, ''))}`]
        : [],
  );
}

export function renderMinutesMarkdown(meeting: Meeting): string {
  const title = meeting.title.trim() || `${meeting.team} meeting`;
  const questions = openQuestions(meeting);
  const lines = [
    `# ${inline(title)}`,
    '',
    `Team: ${inline(meeting.team)}  `,
    `Date: ${day(meeting.heldAt)}`,
    '',
    '## Attendees',
    '',
    ...(meeting.attendees.length > 0 ? meeting.attendees.map((a) => `- ${inline(a.name)}`) : ['_None recorded._']),
    '',
    '## Items',
    '',
    ...(meeting.items.length > 0 ? meeting.items.flatMap((item, i) => itemLines(item, i + 1)) : ['_The agenda was empty._', '']),
    '## Open questions',
    '',
    ...(questions.length > 0 ? questions : ['_None._']),
    '',
  ];
  return lines.join('\n');
}
