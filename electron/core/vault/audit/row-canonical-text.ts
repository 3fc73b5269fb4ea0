// The canonical JSON of a table row read as a raw array (better-sqlite3 .raw()), written out
// column by column in sorted key order: the verifier digests every row of the vault, and the
// generic canonicalJson over an object per row was most of that time.
// Invariant: rowTextWriter(columns)(values) === canonicalJson(object of columns → values), byte
// for byte (property-tested in tests/unit/vault/audit-canonical-text.test.ts), so a row digests
// the same whichever of the two the writer and the verifier use.
import { createHash } from 'node:crypto';
import type { KnownBlobPrefix } from './hex-ascii';
import { updateWithHex } from './hex-ascii';
import type { CanonicalValue } from './canonical-json';
import { canonicalJson } from './canonical-json';
import { canonicalNumber } from './event-fields-text';

export type RowTextWriter = (values: readonly unknown[]) => string;

/**
 * Whether every character is ASCII: where SQLite's JSON text is vouched for (rowTextSql). Every
 * other character (a lone surrogate too) takes two or more bytes in UTF-8, so the lengths agree
 * only for ASCII; V8 counts them ten times faster than a regular expression scans for the rest
 * (0.05 against 0.55 µs per audit event's text).
 */
export function isAscii(text: string): boolean {
  return Buffer.byteLength(text, 'utf8') === text.length;
}

function valueText(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return canonicalNumber(value);
  // Blobs (and anything unusual) take the general path: the same text by definition.
  return canonicalJson(value as CanonicalValue);
}

/** `columns` in the order of the values; the text lists them sorted, as canonicalJson does. */
export function rowTextWriter(columns: readonly string[]): RowTextWriter {
  const order = columns
    .map((name, index) => ({ name, index, prefix: `${JSON.stringify(name)}:` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (values) => {
    let text = '';
    for (const { index, prefix } of order) {
      const value = values[index];
      // canonicalJson leaves out keys whose value is undefined; a row never has one.
      if (value === undefined) continue;
      text += `${text === '' ? '' : ','}${prefix}${valueText(value)}`;
    }
    return `{${text}}`;
  };
}

/**
 * The SHA-256 (hex) of rowTextWriter(columns)(values), hashed piece by piece: a blob's hex goes
 * to the hash as ASCII bytes (hex-ascii.ts), never into one string with the rest of the row. An attachment's
 * row holds its signed PDF (about 260 KB): building its 530 KB text, escaping it and encoding it
 * again for the hash took most of the full review's audit phase (issue 14). Same digest, byte
 * for byte (tests/unit/vault/audit-canonical-text.test.ts). A blob that starts with
 * `knownBlobPrefix` has that part's hex fed from a copy made once (hex-ascii.ts).
 */
export function rowDigestWriter(
  columns: readonly string[],
  knownBlobPrefix?: KnownBlobPrefix,
): (values: readonly unknown[]) => string {
  const order = columns
    .map((name, index) => ({ name, index, prefix: `${JSON.stringify(name)}:` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return (values) => {
    const digest = createHash('sha256');
    let first = true;
    digest.update('{');
    for (const { index, prefix } of order) {
      const value = values[index];
      if (value === undefined) continue;
      digest.update(first ? prefix : `,${prefix}`);
      first = false;
      if (value instanceof Uint8Array) {
        // canonicalJson writes a blob as {"$bytes":"<lower-case hex>"}; hex needs no escaping.
        digest.update('{"$bytes":"');
        updateWithHex(digest, value, knownBlobPrefix);
        digest.update('"}');
      } else digest.update(valueText(value));
    }
    digest.update('}');
    return digest.digest('hex');
  };
}

/**
 * The same text written by SQLite, as an SQL expression over `alias`'s columns: one string per
 * row instead of every value crossing into JavaScript. json_object writes the keys in the order
 * given (sorted here, as canonicalJson sorts them) and integers, NULL and text as JSON.stringify
 * does for ASCII (tests/integration/vault/audit-chain-batches.test.ts), in one call per row; a
 * REAL (JavaScript and SQLite print some differently) or a BLOB (canonicalJson writes
 * {"$bytes": hex}) makes the expression NULL, and a caller checks any non-ASCII text in
 * JavaScript, so either takes the exact path (rowTextWriter) instead.
 */
export function rowTextSql(columns: readonly string[], alias: string): string {
  const sorted = [...columns].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Column names come from the table's own schema (a prepared SELECT *), never from input.
  const column = (name: string): string => `${alias}."${name.replaceAll('"', '""')}"`;
  const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
  const pairs = sorted.map((name) => `${literal(name)}, ${column(name)}`).join(', ');
  const unusual = sorted.map((name) => `typeof(${column(name)}) IN ('real', 'blob')`).join(' OR ');
  return `CASE WHEN ${unusual} THEN NULL ELSE json_object(${pairs}) END`;
}
