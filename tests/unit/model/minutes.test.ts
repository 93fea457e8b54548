import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingItem } from '../../../src-shared/contract/meetings';
import { renderMinutesMarkdown } from '../../../src-shared/model/minutes';

const target = { kind: 'coding', targetId: 't1', exists: true, label: 'Type 2', quote: '# not a heading *or* emphasis', contextBefore: '', contextAfter: '', codeId: 'c', documentId: 'd', documentTitle: 'Интервью', personId: 'p', personName: 'Ольга' } as const;

const meeting = (items: MeetingItem[], title = ''): Meeting => ({
  id: 'm',
  team: 'Samara',
  heldAt: '2026-11-16T10:00:00.000Z',
  title,
  attendeeIds: [],
  attendees: [],
  items,
  previousMeetingId: null,
  previousHeldAt: null,
  minutes: null,
});

describe('renderMinutesMarkdown', () => {
  it('names an untitled meeting by its team, and says when there were no attendees or items', () => {
    const md = renderMinutesMarkdown(meeting([]));
    expect(md).toMatch(/^# Samara meeting\n\nTeam: Samara {2}\nDate: 2026-11-16\n/);
    expect(md).toContain('## Attendees\n\n_None recorded._');
    expect(md).toContain('_The agenda was empty._');
    expect(md).toContain('## Open questions\n\n_None._');
  });

  it('keeps an excerpt from breaking the Markdown, and shows a deleted item as gone', () => {
    const md = renderMinutesMarkdown(
      meeting([
        { id: 'i1', order: 0, target, decision: null },
        { id: 'i2', order: 1, target: { ...target, targetId: 't2', exists: false }, decision: null },
      ]),
    );
    expect(md).toContain('> \\# not a heading \\*or\\* emphasis');
    expect(md).toContain('### 2. coding (since deleted)');
    expect(md).toContain('- Item 2 (coding (since deleted)): not discussed or undecided');
  });

  it('writes a refined definition with its new text', () => {
    const decision = { outcome: 'refine-definition', note: '', noteContent: null, details: { codeName: 'Type 2', after: { definition: 'Dependence, repaid by favours.' } }, decidedBy: 'p', decidedByName: 'Ирина', decidedAt: '2026-11-16T11:00:00Z' } as const;
    const md = renderMinutesMarkdown(meeting([{ id: 'i1', order: 0, target, decision }]));
    expect(md).toContain('**Decision:** Definition refined (Type 2) — Ирина, 2026-11-16');
    expect(md).toContain('New definition: Dependence, repaid by favours.');
    expect(md).toContain('## Open questions\n\n_None._');
  });

  it('counts the codings a split moved, in the plural when there are several', () => {
    const split = (codingIds: string[]) => ({ outcome: 'split', note: '', noteContent: null, details: { fromCodeName: 'Type 2', toCodeName: 'Favours', codingIds }, decidedBy: 'p', decidedByName: 'Ирина', decidedAt: '2026-11-16T11:00:00Z' }) as const;
    expect(renderMinutesMarkdown(meeting([{ id: 'i1', order: 0, target, decision: split(['a']) }]))).toContain('Code split (1 coding of Type 2 into Favours)');
    expect(renderMinutesMarkdown(meeting([{ id: 'i1', order: 0, target, decision: split(['a', 'b']) }]))).toContain('Code split (2 codings of Type 2 into Favours)');
  });
});
