import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../../cli/closest-name';

describe('closestName', () => {
  const keys = ['number', 'consignee', 'exporter', 'countryOfOrigin', 'itn', 'carats'];

  it('suggests the key a typo or a case slip meant', () => {
    expect(closestName('consigne', keys)).toBe('consignee');
    expect(closestName('Carats', keys)).toBe('carats');
    expect(closestName('countryOfOrgin', keys)).toBe('countryOfOrigin');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(closestName('signature', keys)).toBeUndefined();
    expect(closestName('x', keys)).toBeUndefined();
  });

  it('measures edits symmetrically', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('sitting', 'kitten')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
