import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, unitizedAlpha } from '../../src-shared/stats/agreement';
import { line, TEXT, twoCoders } from './agreement-fixture';
import { newProject } from './support';

describe('agreement.compute', () => {
  it('rates each paragraph per code and coder, and leaves out the lines nobody coded unless asked', async () => {
    const { client } = await newProject();
    const { olga, pavel, document, T, P } = await twoCoders(client);
    const result = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [T, P], unit: 'paragraph', documentIds: [document.id] });
    // Lines 1, 2, 4 and 6 are coded by someone; 0, 3, 5 and 7 by nobody.
    expect(result.uncodedUnits).toBe(4);
    const type2: (0 | 1)[][] = [[1, 1], [1, 0], [0, 0], [0, 0]];
    const paternalism: (0 | 1)[][] = [[0, 0], [0, 0], [1, 1], [0, 1]];
    const [rowT, rowP] = result.codes;
    expect(rowT!.codeId).toBe(T);
    expect(rowT!.units).toBe(4);
    expect(rowT!.percent).toEqual(percentAgreement(type2));
    expect(rowT!.alpha).toEqual(krippendorffAlpha(type2));
    expect(rowT!.fleiss).toEqual(fleissKappa(type2).kappa);
    expect(rowT!.pairs[0]!.kappa).toEqual(cohenKappa(type2.map((r) => r[0]!), type2.map((r) => r[1]!)));
    expect(rowP!.alpha).toEqual(krippendorffAlpha(paternalism));
    expect(rowT!.warnings).toContain('fewUnits');
    expect(rowT!.unitizedAlpha).toBeNull();
    expect(result.overall.alpha).toEqual(krippendorffAlpha([...type2, ...paternalism]));
    expect(result.documents.map((d) => d.label)).toEqual(['Интервью о распределении']);
    expect(result.cases.map((c) => c.label)).toEqual(expect.arrayContaining(['Шахта', 'Самара']));

    const withUncoded = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [T, P], unit: 'paragraph', documentIds: [document.id], includeUncoded: true });
    expect(withUncoded.codes[0]!.units).toBe(8);
    expect(withUncoded.codes[0]!.percent.value!).toBeGreaterThan(rowT!.percent.value!);
  });

  it('takes a turn with the paragraph that continues it, and splits lines into sentences', async () => {
    const { client } = await newProject();
    const { olga, pavel, document, T } = await twoCoders(client);
    const ask = (unit: 'turn' | 'sentence') => client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [T], unit, documentIds: [document.id] });
    // Turn "Р: Мастер…" runs over lines 1–2: both coded it.
    const byTurn = await ask('turn');
    expect(byTurn.codes[0]!.units).toBe(1);
    expect(byTurn.codes[0]!.percent.value).toBe(1);
    // Sentences: Olga coded sentence 1 of line 1 and line 2's one sentence; Pavel both sentences of line 1.
    const bySentence = await ask('sentence');
    expect(bySentence.codes[0]!.units).toBe(3);
    expect(bySentence.codes[0]!.percent).toEqual(percentAgreement([[1, 1], [0, 1], [1, 0]]));
    // Ten sentences in all (lines 1 and 4 have two each); three are coded with Type 2.
    expect(bySentence.uncodedUnits).toBe(7);
  });

  it('gives Krippendorff’s α_u by character, over the same spans the coders marked', async () => {
    const { client } = await newProject();
    const { olga, pavel, document, T, firstSentence } = await twoCoders(client);
    const result = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [T], unit: 'characters', documentIds: [document.id] });
    const expected = unitizedAlpha([{ length: TEXT.length, coders: [[firstSentence, line(2)], [line(1)]] }]);
    expect(result.codes[0]!.unitizedAlpha).toEqual(expected);
    // Characters coded by someone: all of lines 1 and 2.
    expect(result.codes[0]!.units).toBe(line(1).end - line(1).start + line(2).end - line(2).start);
    expect(result.uncodedUnits).toBe(TEXT.length - result.codes[0]!.units);
  });

  it('counts a coder who did not code a document as missing there, not as disagreeing', async () => {
    const { client } = await newProject();
    const { olga, pavel, document, T, P } = await twoCoders(client);
    const me = (await client.call('project.info', {})).actor;
    const result = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id, me.id], codeIds: [T, P], unit: 'paragraph', documentIds: [document.id] });
    expect(result.documentsMissingCoders).toBe(1);
    expect(result.codes[0]!.warnings).toContain('missingCoders');
    expect(result.codes[0]!.fleiss).toEqual({ value: null, reason: 'noUnits' });
    expect(result.codes[0]!.alpha).toEqual(krippendorffAlpha([[1, 1], [1, 0], [0, 0], [0, 0]]));
    expect(result.codes[0]!.pairs).toHaveLength(3);
  });

  it('leaves out a document only one of the chosen coders coded', async () => {
    const { client } = await newProject();
    const { s, olga, pavel, T } = await twoCoders(client);
    await client.call('codings.applyMany', { codings: [{ documentId: s.interview.id, codeId: T, start: 0, end: 10, coderId: olga.id }] });
    const result = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [T], unit: 'paragraph' });
    expect(result.documentsOneCoder).toBe(1);
    expect(result.documentCount).toBe(1);
    expect(result.documents.map((d) => d.label)).toEqual(['Интервью о распределении']);
  });

  it('counts sub-codes with their parent when asked, and looks only at the documents of the chosen cases', async () => {
    const { client } = await newProject();
    const { s, olga, pavel, document } = await twoCoders(client);
    const parent = (includeSubcodes: boolean) => client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [s.informal.id], unit: 'paragraph', includeSubcodes, documentIds: [document.id] });
    expect((await parent(false)).codes[0]!.units).toBe(0);
    const withSubcodes = await parent(true);
    expect(withSubcodes.codes[0]!.path).toBe('Informal relations');
    // Type 2 sits inside Informal relations: its lines 1 and 2 now count for the parent.
    expect(withSubcodes.codes[0]!.units).toBe(2);
    const inRings = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [s.type2.id], caseIds: [s.rings.id] });
    expect(inRings.documentCount).toBe(0);
    const inMine = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [s.type2.id], caseIds: [s.mine.id] });
    expect(inMine.documentCount).toBe(1);
  });

  it('explains bad input in plain words', async () => {
    const { client } = await newProject();
    const { olga, T } = await twoCoders(client);
    await expect(client.call('agreement.compute', { coderIds: [olga.id], codeIds: [T] })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('at least two coders') });
    await expect(client.call('agreement.compute', { coderIds: [olga.id, olga.id], codeIds: [T] })).rejects.toMatchObject({ message: expect.stringContaining('chosen twice') });
    await expect(client.call('agreement.compute', { coderIds: [olga.id, '01234567-89ab-7def-8123-456789abcdef'], codeIds: [T] })).rejects.toMatchObject({ code: 'not_found' });
  });
});
