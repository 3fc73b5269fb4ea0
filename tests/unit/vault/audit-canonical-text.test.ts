// The hand-written canonical texts of the audit chain must be byte-identical to canonicalJson:
// every hash already written was taken over canonicalJson's text, so a single differing byte
// would break every chain on verification (or let a writer and a verifier disagree).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEventFields } from '../../../electron/core/vault/audit/audit-chain';
import { eventHash } from '../../../electron/core/vault/audit/audit-chain';
import type { CanonicalValue } from '../../../electron/core/vault/audit/canonical-json';
import { canonicalJson } from '../../../electron/core/vault/audit/canonical-json';
import { eventFieldsText } from '../../../electron/core/vault/audit/event-fields-text';
import {
  rowDigestWriter,
  rowTextWriter,
} from '../../../electron/core/vault/audit/row-canonical-text';
import { createHash } from 'node:crypto';
import { hexAscii, updateWithHex } from '../../../electron/core/vault/audit/hex-ascii';

// Any text, including quotes, backslashes, control characters, lone surrogates and astral
// characters: everything JSON.stringify escapes or keeps.
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u007f', '\u2028', '\ud800', 'a'),
  }),
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(-0),
  fc.constant(Number.MAX_SAFE_INTEGER),
);

const fieldsArbitrary: fc.Arbitrary<AuditEventFields> = fc.record({
  seq: anyNumber,
  at: anyText,
  userId: fc.option(anyNumber, { nil: null }),
  action: anyText,
  entityType: anyText,
  entityId: anyText,
  entityDigest: anyText,
});

/**
 * canonicalJson as the vault first wrote it (map, filter, join), kept here as the reference: the
 * texts of every hash already written came from it, so a faster form must write the same bytes.
 * (JSON.stringify of a key-sorted copy is no reference: objects list integer-like keys first.)
 */
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => firstCanonicalJson(item)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${firstCanonicalJson(record[key] ?? null)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('writes the same bytes as the first canonicalJson for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value as CanonicalValue)).toBe(firstCanonicalJson(value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves out undefined members and writes bytes as hex', () => {
    expect(canonicalJson({ b: 1, a: undefined, c: new Uint8Array([0, 255]) })).toBe(
      '{"b":1,"c":{"$bytes":"00ff"}}',
    );
  });
});

describe('the canonical text of an audit event', () => {
  it('is canonicalJson of its fields, byte for byte', () => {
    fc.assert(
      fc.property(fieldsArbitrary, (fields) => {
        expect(eventFieldsText(fields)).toBe(canonicalJson(fields));
      }),
      { numRuns: 2_000 },
    );
  });

  it('hashes as the chain always has: sha256 of prevHash + canonicalJson', () => {
    fc.assert(
      fc.property(fc.string(), fieldsArbitrary, (prevHash, fields) => {
        const reference = createHash('sha256')
          .update(prevHash + canonicalJson(fields), 'utf8')
          .digest('hex');
        expect(eventHash(prevHash, fields)).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a non-finite number as canonicalJson does', () => {
    const fields = { seq: 1, at: 't', userId: Number.NaN, action: 'a', entityType: 'b' };
    const event = { ...fields, entityId: '1', entityDigest: 'd' };
    expect(() => eventFieldsText(event)).toThrow('non-finite');
    expect(() => canonicalJson(event)).toThrow('non-finite');
  });
});

describe('the canonical text of a table row', () => {
  const cell = fc.oneof(
    fc.constant(null),
    anyText,
    anyNumber,
    fc.uint8Array({ maxLength: 20 }).map((bytes) => Buffer.from(bytes)),
  );
  const rowArbitrary = fc.uniqueArray(fc.tuple(anyText, cell), {
    selector: ([name]) => name,
    maxLength: 30,
  });

  it('is canonicalJson of the row as an object, byte for byte', () => {
    fc.assert(
      fc.property(rowArbitrary, (entries) => {
        const columns = entries.map(([name]) => name);
        const values = entries.map(([, value]) => value);
        expect(rowTextWriter(columns)(values)).toBe(canonicalJson(Object.fromEntries(entries)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('digests, piece by piece, to the SHA-256 of that text (blobs at any offset of a buffer)', () => {
    const blob = fc
      .tuple(fc.uint8Array({ maxLength: 40 }), fc.nat(8))
      .map(([bytes, skip]) => Buffer.concat([Buffer.alloc(skip, 7), bytes]).subarray(skip));
    const anyCell = fc.oneof(fc.constant(null), anyText, anyNumber, blob);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(anyText, anyCell), { selector: ([name]) => name, maxLength: 30 }),
        (entries) => {
          const columns = entries.map(([name]) => name);
          const values = entries.map(([, value]) => value);
          const text = canonicalJson(Object.fromEntries(entries));
          expect(rowDigestWriter(columns)(values)).toBe(
            createHash('sha256').update(text).digest('hex'),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('writes hex as Buffer does, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(Buffer.from(hexAscii(bytes)).toString('latin1')).toBe(
          Buffer.from(bytes).toString('hex'),
        );
      }),
      { numRuns: 1_000 },
    );
  });

  it('feeds a hash the hex as Buffer writes it, for any bytes, across its slices too', () => {
    const check = (bytes: Uint8Array): void => {
      const fed: Buffer[] = [];
      updateWithHex({ update: (data: Uint8Array) => fed.push(Buffer.from(data)) }, bytes);
      expect(Buffer.concat(fed).toString('latin1')).toBe(Buffer.from(bytes).toString('hex'));
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), check), { numRuns: 1_000 });
    // Around the 32 KiB slice: even and odd lengths on both sides of a boundary.
    for (const length of [32_767, 32_768, 32_769, 65_535, 65_537, 264_001])
      check(new Uint8Array(length).map((_, i) => (i * 131 + 7) % 256));
  });

  it('writes the columns of a real table in sorted order', () => {
    const text = rowTextWriter(['number', 'digits', 'batch_id', 'status'])(['US1', 1, 2, 'used']);
    expect(text).toBe('{"batch_id":2,"digits":1,"number":"US1","status":"used"}');
  });
});
