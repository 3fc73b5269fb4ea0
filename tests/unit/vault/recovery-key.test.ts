import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
} from '../../../electron/core/vault/keys/recovery-key';
import { failureOf } from './failure';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

describe('the recovery key', () => {
  it('is KPR- then eight groups of five Crockford symbols, and random', () => {
    const keys = Array.from({ length: 50 }, () => generateRecoveryKey());
    for (const key of keys) {
      expect(key).toMatch(/^KPR(-[0-9A-HJKMNP-TV-Z]{5}){8}$/);
      expect(parseRecoveryKey(key)).toHaveLength(35);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries at least 160 random bits', () => {
    // 35 data symbols × 5 bits; every symbol of the alphabet turns up in every position.
    const secrets = Array.from({ length: 1000 }, () => parseRecoveryKey(generateRecoveryKey()));
    expect(secrets[0]!.length * 5).toBeGreaterThanOrEqual(160);
    const firstSymbols = new Set(secrets.map((s) => s[0]));
    expect(firstSymbols.size).toBe(32);
    expect(secrets.join('')).toMatch(CROCKFORD);
  });

  it('accepts any case, spaces, missing dashes and the look-alikes O, I and L', () => {
    const key = generateRecoveryKey();
    const secret = parseRecoveryKey(key);
    const sloppy = key
      .toLowerCase()
      .replace(/-/g, ' ')
      .replace(/0/g, 'o')
      .replace(/1/g, () => (Math.random() < 0.5 ? 'i' : 'l'));
    expect(parseRecoveryKey(sloppy)).toBe(secret);
    expect(parseRecoveryKey(`  ${key.slice(4).replace(/-/g, '')}  `)).toBe(secret);
    expect(formatRecoveryKey(sloppy)).toBe(key);
  });

  it('reports every single-symbol typo as mistyped, in the recoveryKey field', async () => {
    const key = generateRecoveryKey();
    const positions = [...key.matchAll(/[0-9A-Z]/g)].map((m) => m.index).filter((i) => i >= 4);
    for (const index of positions) {
      const original = key.charAt(index);
      const replacement = original === 'X' ? 'Y' : 'X';
      const typo = key.slice(0, index) + replacement + key.slice(index + 1);
      const error = await failureOf(() => parseRecoveryKey(typo));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields?.recoveryKey).toMatch(/mistyped/);
    }
  });

  it('reports swapped neighbouring groups as mistyped', async () => {
    const groups = generateRecoveryKey().split('-');
    [groups[1], groups[2]] = [groups[2]!, groups[1]!];
    if (groups[1] === groups[2]) return;
    expect((await failureOf(() => parseRecoveryKey(groups.join('-')))).code).toBe('INVALID_INPUT');
  });

  it('names a wrong length and a stray character', async () => {
    const key = generateRecoveryKey();
    const short = await failureOf(() => parseRecoveryKey(key.slice(0, -6)));
    expect(short.fields?.recoveryKey).toMatch(/8 groups of 5/);
    const stray = await failureOf(() => parseRecoveryKey(`${key.slice(0, -1)}U`));
    expect(stray.code).toBe('INVALID_INPUT');
    expect(stray.fields?.recoveryKey).toMatch(/"U"/);
    expect((await failureOf(() => parseRecoveryKey(''))).code).toBe('INVALID_INPUT');
  });
});
