import { describe, expect, it } from 'vitest';
import { mappingFromUses, setUse, usesFromMapping } from '../../../src-renderer/views/cases/import/uses';

describe('the case import dialog’s column uses', () => {
  const headers = ['ФИО', 'Псевдоним', 'Пол', 'Стаж', 'Телефон'];

  it('turn a suggested mapping into one use per column and back', () => {
    const uses = usesFromMapping({ name: 0, aliases: 1, attributes: { gender: 2 } }, headers.length);
    expect(uses).toEqual(['name', 'aliases', 'attribute:gender', 'ignore', 'ignore']);
    const withNew = setUse(uses, 3, 'new:number');
    expect(mappingFromUses(withNew, headers)).toEqual({
      name: 0,
      aliases: 1,
      parent: undefined,
      description: undefined,
      attributes: { gender: 2 },
      createAttributes: [{ column: 3, name: 'Стаж', valueType: 'number' }],
    });
  });

  it('keep the name, each role and each attribute on one column, and need a name', () => {
    const uses = usesFromMapping({ name: 0, attributes: { gender: 2 } }, headers.length);
    expect(setUse(uses, 4, 'name')).toEqual(['ignore', 'ignore', 'attribute:gender', 'ignore', 'name']);
    expect(setUse(uses, 3, 'attribute:gender')).toEqual(['name', 'ignore', 'ignore', 'attribute:gender', 'ignore']);
    expect(setUse(setUse(uses, 3, 'new:text'), 4, 'new:text')).toEqual(['name', 'ignore', 'attribute:gender', 'new:text', 'new:text']);
    expect(mappingFromUses(setUse(uses, 0, 'ignore'), headers)).toBeNull();
  });
});
