import { describe, expect, it } from 'vitest';
import { cautions, coefficientText, percentText } from '../../../src-renderer/views/agreement/model';
import type { AgreementFigures } from '../../../src-shared/contract/agreement';

const ru = (n: number): string => new Intl.NumberFormat('ru').format(n);

describe('Agreement view figures', () => {
  it('rounds as the CLI does and writes numbers by the interface language', () => {
    expect(coefficientText({ value: 0.61349, reason: null }, ru)).toBe('0,613');
    expect(percentText({ value: 0.83333, reason: null }, ru)).toBe('83,3 %');
    expect(coefficientText({ value: null, reason: 'noVariation' }, ru)).toBeNull();
    expect(coefficientText(null, ru)).toBeNull();
  });

  it('lists warnings and why figures are missing, once each', () => {
    const missing = { value: null, reason: 'noVariation' } as const;
    const figures: AgreementFigures = {
      units: 3,
      pairable: 3,
      percent: { value: 1, reason: null },
      fleiss: missing,
      alpha: missing,
      unitizedAlpha: null,
      prevalence: 0,
      warnings: ['fewUnits', 'rareCode'],
      pairs: [{ coderIds: ['a', 'b'], units: 3, percent: { value: 1, reason: null }, kappa: missing, alpha: missing }],
    };
    expect(cautions(figures, true)).toEqual({ warnings: ['fewUnits', 'rareCode'], reasons: ['noVariation'] });
  });
});
