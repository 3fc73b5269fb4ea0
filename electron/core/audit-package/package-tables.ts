// Which tables an audit package carries and how their rows are written as JSON. The tables are
// exactly those the audit chain covers (entity-digest.ts): the licensee's whole record, nothing
// else. A few columns hold secrets that must not leave the vault even for a reviewer (the
// signing and seal private keys, users' password hashes, the submission channels' client key and
// SMTP password): they are withheld, and the digest of each such row as the vault holds it is
// written instead (WITHHELD_ENTRY), so the audit chain's entity check still covers those rows,
// on the licensee's signature rather than by recomputation (docs/audit-package.md).
import type { CanonicalValue } from '../vault/audit/canonical-json';
import type { AuditEntityType } from '../vault/audit/entity-digest';
import { auditEntityTypes, entitySources } from '../vault/audit/entity-digest';
import { documentEntry } from './package-format';

export const WITHHELD_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  users: ['password_hash'],
  signing_identities: ['private_key'],
  seal_keys: ['private_key'],
  submission_recipients: ['client_key_pem', 'smtp_password'],
};

/** One table per audited entity type, in the order of auditEntityTypes. */
export const packageTables: readonly { type: AuditEntityType; table: string; key: string }[] =
  auditEntityTypes.map((type) => ({
    type,
    table: entitySources[type].table,
    key: entitySources[type].key,
  }));

export type JsonCell =
  null | number | string | { $base64: string } | { $withheld: true } | { $entry: string };

export type JsonRow = Record<string, JsonCell>;

export type WithheldDigest = { table: string; key: string; digest: string };

export function extensionOf(mediaType: string): string {
  return mediaType === 'application/pdf' ? 'pdf' : 'bin';
}

/** A row as written in records/<table>.json. */
export function jsonRow(table: string, row: Record<string, unknown>): JsonRow {
  const withheld = WITHHELD_COLUMNS[table] ?? [];
  const out: JsonRow = {};
  for (const [column, value] of Object.entries(row)) {
    if (table === 'attachments' && column === 'content')
      out[column] = { $entry: documentEntry(Number(row.id), extensionOf(String(row.media_type))) };
    else if (withheld.includes(column) && value !== null) out[column] = { $withheld: true };
    else if (value instanceof Uint8Array)
      out[column] = { $base64: Buffer.from(value).toString('base64') };
    else if (value === null || typeof value === 'number' || typeof value === 'string')
      out[column] = value;
    else if (typeof value === 'bigint') out[column] = Number(value);
    else throw new Error(`Column ${table}.${column} holds a value JSON cannot carry.`);
  }
  return out;
}

export function hasWithheld(row: JsonRow): boolean {
  return Object.values(row).some(
    (cell) => cell !== null && typeof cell === 'object' && '$withheld' in cell,
  );
}

/**
 * The row as SQLite gave it (for the entity digest), from its JSON: blobs back to bytes, the
 * document from its entry. Undefined when the row has withheld cells (its digest is attested).
 */
export function canonicalRow(
  row: JsonRow,
  documents: ReadonlyMap<string, Buffer>,
): Record<string, CanonicalValue> | undefined {
  const out: Record<string, CanonicalValue> = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === null || typeof cell !== 'object') out[column] = cell;
    else if ('$base64' in cell) out[column] = Buffer.from(cell.$base64, 'base64');
    else if ('$entry' in cell) {
      const content = documents.get(cell.$entry);
      if (content === undefined) return undefined;
      out[column] = content;
    } else return undefined;
  }
  return out;
}
