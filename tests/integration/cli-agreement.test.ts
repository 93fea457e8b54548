import { describe, expect, it } from 'vitest';
import { roundCoefficient, roundPercent } from '../../src-shared/stats/agreement';
import { twoCoders } from './agreement-fixture';
import { quire } from './cli-support';
import { newProject } from './support';

describe('quire agreement', () => {
  it('prints the same figures as agreement.compute, coders named by name or initials', async () => {
    const { client, file } = await newProject();
    const { olga, pavel, T, P } = await twoCoders(client);
    const expected = await client.call('agreement.compute', { coderIds: [olga.id, pavel.id], codeIds: [T, P], unit: 'turn' });
    await client.call('project.close', {});

    const run = await quire('agreement', file, '--coders', 'ОП,Павел Орлов', '--unit', 'turn', '--codes', 'Type 2: personal dependence,Paternalism', '--format', 'json');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as Record<string, string | number>[];
    expect(rows.map((r) => r.code)).toEqual(['Informal relations › Type 2: personal dependence', 'Paternalism', 'All codes']);
    const [type2] = expected.codes;
    const f = (x: { value: number | null }, round: (v: number) => number) => (x.value === null ? '' : round(x.value));
    expect(rows[0]).toMatchObject({
      units: type2!.units,
      pairable: type2!.pairable,
      'agree %': f(type2!.percent, roundPercent),
      "Cohen's kappa": f(type2!.pairs[0]!.kappa, roundCoefficient),
      "Fleiss' kappa": f(type2!.fleiss, roundCoefficient),
      "Krippendorff's alpha": f(type2!.alpha, roundCoefficient),
    });
    expect(rows[0]!.notes).toContain('few units');
    expect(run.err).toContain('are left out (--include-uncoded counts them)');
  });

  it('shows pairs of three coders, α_u by character, and refuses what it cannot do', async () => {
    const { client, file } = await newProject();
    await twoCoders(client);
    await client.call('project.close', {});
    const pairs = await quire('agreement', file, '--coders', 'ОП,ПО,Ирина Соколова', '--by', 'pair', '--format', 'csv');
    expect(pairs.code).toBe(0);
    expect(pairs.out.split('\n')[0]).toBe("code,coder A,coder B,units,agree %,Cohen's kappa,Krippendorff's alpha");
    expect(pairs.err).toContain('not coded by every chosen coder');

    const chars = await quire('agreement', file, '--coders', 'ОП,ПО', '--unit', 'characters', '--codes', 'Paternalism');
    expect(chars.code).toBe(0);
    expect(chars.out).toContain('alpha-u');

    expect((await quire('agreement', file, '--coders', 'ОП')).err).toContain('at least two coders');
    expect((await quire('agreement', file, '--coders', 'ОП,ПО', '--unit', 'word')).code).toBe(2);
    expect((await quire('agreement', file, '--coders', 'ОП,Nobody')).err).toContain('there is no team member called "Nobody"');
  });
});
