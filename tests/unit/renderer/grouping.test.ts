import { describe, expect, it } from 'vitest';
import type { Attribute, Case, DocumentSummary } from '../../../src-shared/model/entities';
import { groupDocuments, informantRoles } from '../../../src-renderer/views/documents/grouping';
import type { DocumentGroup } from '../../../src-renderer/views/documents/grouping';
import type { DocumentFilters } from '../../../src-renderer/stores/ui';

const id = (n: number): string => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const kase = (n: number, name: string, parent: number | null, attributes: Case['attributes'] = {}): Case => ({
  id: id(n), typeId: id(90), parentId: parent === null ? null : id(parent), name, aliases: [], description: '', attributes,
});
const doc = (n: number, title: string, kind: DocumentSummary['kind'], caseIds: number[], start = '1993-06-01'): DocumentSummary => ({
  id: id(100 + n), kind, title, language: 'ru', date: { start, end: start, precision: 'day' }, interviewerIds: [], sourceFileName: null,
  currentRevisionId: id(200 + n), revisionNumber: 1, length: 10, caseIds: caseIds.map(id), codingCount: 0, needsReviewCount: 0, createdAt: '',
});
const role: Attribute = { id: id(80), name: 'Role', target: 'case', caseTypeId: null, valueType: 'text', choices: null };
const cases = [kase(1, 'Самара', null), kase(2, 'Кольца', 1), kase(3, 'Цех 1', 2), kase(4, 'Мастер', 3, { [id(80)]: 'foreman' }), kase(5, 'Шахта', 1)];
const documents = [
  doc(1, 'Интервью с мастером', 'interview', [4]),
  doc(2, 'Заметка', 'field_note', [2], '1992-10-01'),
  doc(3, 'Газета', 'press_item', [5]),
  doc(4, 'Письмо', 'letter', []),
];
const none: DocumentFilters = { text: '', kind: null, language: null, from: '', to: '', role: null };
const label = (k: string): string => k;

describe('the documents navigator', () => {
  it('groups by region › enterprise › kind, from the case tree above each document’s cases', () => {
    const groups = groupDocuments(documents, cases, [role], none, label, 'none');
    expect(groups.map((g) => g.label)).toEqual(['Самара', 'none']);
    expect(groups[0]!.children.map((g) => g.label)).toEqual(['Кольца', 'Шахта']);
    expect(groups[0]!.children[0]!.children.map((g) => [g.label, g.documents.map((d) => d.title)])).toEqual([
      ['field_note', ['Заметка']],
      ['interview', ['Интервью с мастером']],
    ]);
    expect(groups[1]!.children[0]!.documents.map((d) => d.title)).toEqual(['Письмо']);
  });

  it('filters by kind, date range, title and informant role', () => {
    const titles = (filters: Partial<DocumentFilters>): string[] => {
      const out: string[] = [];
      const walk = (gs: readonly DocumentGroup[]): void => gs.forEach((g) => (out.push(...g.documents.map((d) => d.title)), walk(g.children)));
      walk(groupDocuments(documents, cases, [role], { ...none, ...filters }, label, 'none'));
      return out.sort();
    };
    expect(titles({ kind: 'press_item' })).toEqual(['Газета']);
    expect(titles({ from: '1993-01', to: '1993-12' })).toEqual(['Газета', 'Интервью с мастером', 'Письмо']);
    expect(titles({ to: '1992-12' })).toEqual(['Заметка']);
    expect(titles({ role: 'foreman' })).toEqual(['Интервью с мастером']);
    expect(titles({ text: 'ГАЗ' })).toEqual(['Газета']);
    expect(informantRoles(cases, [role])).toEqual(['foreman']);
  });
});
