/** Two coders' codings of one interview, for the agreement tests of the core and of the CLI. */
import type { QuireClient } from '../../src-shared/contract';
import { seed } from './support';

/** Eight lines: a turn continued by a paragraph (lines 1–2), a two-sentence line, and lines nobody codes. */
export const LINES = [
  'И: Как у вас распределяют работу?',
  'Р: Мастер даёт выгодную работу своим. Кто помогал, тот и получает.',
  'Потом он тебя не забудет, это точно.',
  'И: А директор?',
  'Р: Директор у нас как отец родной. Квартиры даёт.',
  'И: Понятно.',
  'Р: Путёвки тоже через него.',
  'И: Спасибо.',
];
export const TEXT = LINES.join('\n');
/** Where line `n` starts and ends in the text. */
export const line = (n: number): { start: number; end: number } => {
  const start = LINES.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
  return { start, end: start + LINES[n]!.length };
};

export async function twoCoders(client: QuireClient) {
  const s = await seed(client);
  const olga = await client.call('members.create', { name: 'Ольга Петрова', initials: 'ОП' });
  const pavel = await client.call('members.create', { name: 'Павел Орлов', initials: 'ПО' });
  const document = await client.call('documents.create', { title: 'Интервью о распределении', kind: 'interview', text: TEXT, caseIds: [s.mine.id] });
  const T = s.type2.id;
  const P = s.paternalism.id;
  const code = (coderId: string, codeId: string, span: { start: number; end: number }) => ({ documentId: document.id, codeId, coderId, ...span });
  const firstSentence = { start: line(1).start, end: line(1).start + 'Р: Мастер даёт выгодную работу своим.'.length };
  await client.call('codings.applyMany', {
    codings: [
      code(olga.id, T, firstSentence),
      code(olga.id, T, line(2)),
      code(olga.id, P, line(4)),
      code(pavel.id, T, line(1)),
      code(pavel.id, P, line(4)),
      code(pavel.id, P, line(6)),
    ],
  });
  return { s, olga, pavel, document, T, P, firstSentence };
}
