// The pure pieces under the repositories and the audit chain: stock notation, name-prefix
// ranges, canonical JSON and password hashes.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/vault/audit/canonical-json';
import { namePrefixRange } from '../../../electron/core/vault/repositories/name-prefix-range';
import {
  hashPassword,
  verifyPassword,
} from '../../../electron/core/vault/repositories/password-hash';
import { readStockSpec } from '../../../electron/core/vault/repositories/stock-spec';

const cheap = { N: 1024, r: 8, p: 1 };

describe('stock notation', () => {
  it('reads ranges and single numbers as people type them', () => {
    expect(readStockSpec('US10000-US10002, us 10005\nUS10007 - 10008')).toEqual({
      kind: 'ok',
      digits: [10000, 10001, 10002, 10005, 10007, 10008],
    });
  });

  it.each(['', 'US1234', 'US012345', 'US10005-US10001', 'GB12345', 'US10000-US10001-US10002'])(
    'refuses %j',
    (text) => {
      expect(readStockSpec(text).kind).toBe('error');
    },
  );

  it('refuses more than one registration can hold', () => {
    expect(readStockSpec('US100000-US300000').kind).toBe('error');
  });
});

describe('name prefix ranges', () => {
  it('folds ASCII letters only and bounds by the next code point', () => {
    expect(namePrefixRange('ScH')).toEqual({ low: 'sch', high: 'sci' });
    expect(namePrefixRange('Zé')).toEqual({ low: 'zé', high: 'zê' });
    expect(namePrefixRange('')).toBeNull();
  });
});

describe('canonical JSON', () => {
  it('is the same text whatever the key order, without undefined keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe(
      '{"a":[true,null,"x"],"b":1}',
    );
    expect(canonicalJson({ z: { y: 1, x: 2 } })).toBe(canonicalJson({ z: { x: 2, y: 1 } }));
    expect(canonicalJson(new Uint8Array([0, 255]))).toBe('{"$bytes":"00ff"}');
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
});

describe('password hashes', () => {
  it('verifies the password it was made from and nothing else', () => {
    const hash = hashPassword('correct horse battery', cheap);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(verifyPassword('correct horse battery', hash)).toBe(true);
    expect(verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(hashPassword('correct horse battery', cheap)).not.toBe(hash);
  });

  it('refuses a stored hash with doctored parameters instead of running them', () => {
    const hash = hashPassword('correct horse battery', cheap);
    expect(verifyPassword('correct horse battery', hash.replace('$1024$', '$1073741824$'))).toBe(
      false,
    );
    expect(verifyPassword('correct horse battery', 'plain text')).toBe(false);
  });
});
