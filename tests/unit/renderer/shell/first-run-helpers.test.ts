// The pure helpers of first-run setup: passphrase guidance and the recovery key typed back.
import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../../renderer/src/startup/first-run/passphrase-strength';
import { recoveryKeysMatch } from '../../../../renderer/src/startup/first-run/recovery-key-match';

describe('passphraseStrength', () => {
  it('counts characters as the user sees them, like main (12 at least)', () => {
    expect(passphraseStrength('elevenchars').level).toBe('too-short');
    expect(passphraseStrength('elevenchars').label).toContain('11 of at least 12');
    // 11 letters and one emoji made of several code points: 12 characters.
    expect(passphraseStrength('elevenchars👍🏽').level).not.toBe('too-short');
  });

  it('calls repeats weak, a long sentence strong, and the rest fair', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('correct horse battery staple').level).toBe('strong');
    expect(passphraseStrength('Kimberley2026').level).toBe('fair');
  });
});

describe('recoveryKeysMatch', () => {
  const key = 'KPR-PEC7E-Z7276-1N1YK-5JAG8-7FVGW-4GVG4-FRKPJ-3ZP90';

  it('forgives case, spaces, dashes, a missing prefix and Crockford look-alikes', () => {
    expect(recoveryKeysMatch(key, key)).toBe(true);
    expect(recoveryKeysMatch(key, key.toLowerCase())).toBe(true);
    expect(recoveryKeysMatch(key, key.replaceAll('-', ' ').slice(4))).toBe(true);
    expect(recoveryKeysMatch(key, key.replace('1N1YK', 'lNIYK').replace('3ZP90', '3ZP9O'))).toBe(
      true,
    );
  });

  it('refuses a key with one symbol changed or missing', () => {
    expect(recoveryKeysMatch(key, key.replace('PEC7E', 'PEC7F'))).toBe(false);
    expect(recoveryKeysMatch(key, key.slice(0, -1))).toBe(false);
    expect(recoveryKeysMatch(key, '')).toBe(false);
  });
});
