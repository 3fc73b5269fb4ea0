// One entity's current row, read whole, and its audit digest: the digest the verifier compares
// with the latest audit event of that entity (check-entity-digests.ts). Its own file so that a
// reader that needs the row for another check reads it once for both: the full review verifies
// each stored signed PDF from the bytes of its attachment row and digests that same row for the
// audit verification (issue 14: the 264 KB PDF read twice through SQLCipher was the largest cost
// left). Whoever reads a row here gets exactly the digest the audit verification would compute.
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditEntityType } from './entity-digest';
import { entitySources } from './entity-digest';
import type { KnownBlobPrefix } from './hex-ascii';
import { rowDigestWriter } from './row-canonical-text';

export type EntityRowDigest = {
  /** The table's columns, in the order of the values `read` returns. */
  columns: readonly string[];
  /** The row as raw values (SELECT *), undefined when there is none. */
  read: (entityId: string) => unknown[] | undefined;
  /** sha256 of the canonical JSON of the row; a missing row digests as canonical null, as the
   * writer's reader (entity-digest.ts) gives it. */
  digest: (row: readonly unknown[] | undefined) => string;
};

const NULL_DIGEST = hash('sha256', 'null', 'hex');

/** `knownBlobPrefix`: bytes many of the rows' blobs start with (the digest is the same; only
 * the work of hexing them is saved, hex-ascii.ts). */
export function entityRowDigest(
  db: Database,
  type: AuditEntityType,
  knownBlobPrefix?: KnownBlobPrefix,
): EntityRowDigest {
  const { table, key, integer } = entitySources[type];
  // Table and key names come from the constant map in entity-digest.ts, never from input.
  const byKey = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).raw();
  const columns = byKey.columns().map((column) => column.name);
  const rowDigest = rowDigestWriter(columns, knownBlobPrefix);
  return {
    columns,
    read: (entityId) => byKey.get(integer ? Number(entityId) : entityId) as unknown[] | undefined,
    digest: (row) => (row === undefined ? NULL_DIGEST : rowDigest(row)),
  };
}

/**
 * Digests of current rows of one type that a caller has already taken (by entity id, as the app
 * writes ids: String(id)), so the verification does not read those rows again. Plain data: it
 * travels to the verification's helper thread.
 */
export type KnownRowDigests = { type: AuditEntityType; digests: ReadonlyMap<string, string> };
