// digestOf hashes a row holding a blob piece by piece (entity-digest.ts); the bytes hashed must be
// exactly canonicalJson's, or every attachment's audit event written before would stop matching.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { canonicalJson } from '../../../electron/core/vault/audit/canonical-json';
import { digestOf } from '../../../electron/core/vault/audit/entity-digest';

const reference = (value: CanonicalValue): string =>
  createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

describe('digestOf', () => {
  it.each([
    [
      'an attachment row',
      {
        id: 7,
        kind: 'signed-certificate',
        file_name: 'US12345.pdf',
        content: randomBytes(300_000),
        created_at: '2026-11-27T10:00:00.000Z',
      },
    ],
    [
      'a blob inside a larger buffer',
      { content: Buffer.from(randomBytes(64)).subarray(5, 40), note: null },
    ],
    [
      'keys needing escapes and text beyond ASCII',
      { 'a"b': 'Schupstraat 21, 2018 Antwerpen — België ✓', z: randomBytes(3), n: 1.5, empty: '' },
    ],
    [
      'an empty blob and an undefined key',
      { content: new Uint8Array(0), gone: undefined, x: [1, 'two', null] },
    ],
    ['a row without a blob', { id: 1, number: 'US12345', state: 'ISSUED' }],
  ] as [string, CanonicalValue][])('gives canonicalJson’s digest for %s', (_name, row) => {
    expect(digestOf(row)).toBe(reference(row));
  });

  it('still tells rows apart by one byte of their blob', () => {
    const content = randomBytes(1000);
    const changed = Buffer.from(content);
    changed[500] = (changed[500] ?? 0) ^ 1;
    expect(digestOf({ content })).not.toBe(digestOf({ content: changed }));
  });
});
