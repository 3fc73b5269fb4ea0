// The digest of an entity after a change: sha256 of the canonical JSON of its row, read by ONE
// named function per entity type. The same reader serves the writer (audit-chain.ts) and the
// verifier (verify-audit-chain.ts), so a row edited behind the app's back (with the key, through
// plain SQL) no longer matches the digest of its latest audit event.
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CanonicalValue } from './canonical-json';
import { canonicalJson } from './canonical-json';
import { updateWithHex } from './hex-ascii';

export const auditEntityTypes = [
  'certificate',
  'stock',
  'user',
  'licensee',
  'party',
  'edit_request',
  'attachment',
  'setting',
  'vault_settings',
  'blank_void',
  'signing_identity',
  'seal_key',
  'trusted_certificate',
  // Issue 12: the outbox, the receipts of its deliveries and where they go.
  'outbox',
  'submission_receipt',
  'submission_recipient',
  'issue_reference',
  // Covered since issue 13 (migration 0095 records the rows that existed before).
  'stock_batch',
  'signature_level',
  // Issue 15: the mark of a record imported from elsewhere (migration 0245).
  'record_import',
  // Issue 13 part 6: the heads a full verification proved (migration 0220).
  'audit_verified_head',
  // Issue 15: incoming (import) certificates and their scans (migration 0250).
  'incoming_certificate',
  'incoming_scan',
  // Issue 14: the audit packages exported (migration 0240).
  'audit_package_export',
  // Issue 13 part 3 (migration 0210): the wraps of the signing key-encryption key.
  'signing_key_wrap',
  // Issue 15 part 6: saved templates for repeat shipments (migration 0280).
  'shipment_template',
  // Issue 13 part 3 follow-up (migration 0295): replacements of keys nobody can open any more.
  'signing_key_replacement',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

/** `integer`: the key is an INTEGER column (ids are its decimal text), else a TEXT key. */
type EntitySource = { table: string; key: string; integer: boolean };

/**
 * Where each entity type lives; `key` is the column that entity ids refer to. Every table of the
 * schema is either here or in tablesOutsideAudit (audit-coverage.ts), with the reason
 * (tests/integration/vault/audit-coverage.test.ts lists the tables and holds both to it).
 */
export const entitySources: Record<AuditEntityType, EntitySource> = {
  certificate: { table: 'certificates', key: 'id', integer: true },
  stock: { table: 'stock', key: 'number', integer: false },
  user: { table: 'users', key: 'id', integer: true },
  licensee: { table: 'licensee', key: 'id', integer: true },
  party: { table: 'parties', key: 'id', integer: true },
  edit_request: { table: 'edit_requests', key: 'id', integer: true },
  attachment: { table: 'attachments', key: 'id', integer: true },
  setting: { table: 'settings', key: 'key', integer: false },
  vault_settings: { table: 'vault_settings', key: 'id', integer: true },
  blank_void: { table: 'blank_voids', key: 'number', integer: false },
  signing_identity: { table: 'signing_identities', key: 'id', integer: true },
  seal_key: { table: 'seal_keys', key: 'id', integer: true },
  trusted_certificate: { table: 'trusted_certificates', key: 'id', integer: true },
  stock_batch: { table: 'stock_batches', key: 'id', integer: true },
  signature_level: { table: 'signature_levels', key: 'attachment_id', integer: true },
  outbox: { table: 'outbox', key: 'id', integer: true },
  submission_receipt: { table: 'submission_receipts', key: 'id', integer: true },
  submission_recipient: { table: 'submission_recipients', key: 'recipient', integer: false },
  issue_reference: { table: 'issue_references', key: 'reference', integer: false },
  record_import: { table: 'record_imports', key: 'certificate_id', integer: true },
  audit_verified_head: { table: 'audit_verified_heads', key: 'id', integer: true },
  incoming_certificate: { table: 'incoming_certificates', key: 'id', integer: true },
  incoming_scan: { table: 'incoming_scans', key: 'id', integer: true },
  audit_package_export: { table: 'audit_package_exports', key: 'id', integer: true },
  signing_key_wrap: { table: 'signing_key_wraps', key: 'id', integer: true },
  shipment_template: { table: 'shipment_templates', key: 'id', integer: true },
  signing_key_replacement: { table: 'signing_key_replacements', key: 'id', integer: true },
};

export function isAuditEntityType(value: string): value is AuditEntityType {
  return (auditEntityTypes as readonly string[]).includes(value);
}

export type EntityReader = (entityId: string) => CanonicalValue;

/**
 * One reader per entity type, each prepared once for this connection at its first use: a vault
 * opened at an older schema (a migration's own writes, its tests) lacks the newer tables.
 */
export function createEntityReaders(db: Database): Record<AuditEntityType, EntityReader> {
  const reader = (type: AuditEntityType): EntityReader => {
    const { table, key, integer: integerKey } = entitySources[type];
    let statement: Statement | undefined;
    return (entityId) => {
      // Table and key names come from the constant map above, never from input.
      statement ??= db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`);
      const row = statement.get(integerKey ? Number(entityId) : entityId) as
        Record<string, CanonicalValue> | undefined;
      // A deleted row digests as null: its absence is a change like any other.
      return row ?? null;
    };
  };
  return {
    certificate: reader('certificate'),
    stock: reader('stock'),
    user: reader('user'),
    licensee: reader('licensee'),
    party: reader('party'),
    edit_request: reader('edit_request'),
    attachment: reader('attachment'),
    setting: reader('setting'),
    vault_settings: reader('vault_settings'),
    blank_void: reader('blank_void'),
    signing_identity: reader('signing_identity'),
    seal_key: reader('seal_key'),
    trusted_certificate: reader('trusted_certificate'),
    outbox: reader('outbox'),
    submission_receipt: reader('submission_receipt'),
    submission_recipient: reader('submission_recipient'),
    issue_reference: reader('issue_reference'),
    stock_batch: reader('stock_batch'),
    signature_level: reader('signature_level'),
    record_import: reader('record_import'),
    audit_verified_head: reader('audit_verified_head'),
    incoming_certificate: reader('incoming_certificate'),
    incoming_scan: reader('incoming_scan'),
    audit_package_export: reader('audit_package_export'),
    signing_key_wrap: reader('signing_key_wrap'),
    shipment_template: reader('shipment_template'),
    signing_key_replacement: reader('signing_key_replacement'),
  };
}

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/**
 * sha256 of canonicalJson(value). A row holding a blob (an attachment's signed PDF, some 250 KiB)
 * is hashed piece by piece instead: canonicalJson would write the blob as {"$bytes": hex} inside
 * one string of twice its size, which JSON.stringify then scans and the hash re-encodes as UTF-8,
 * and that was the largest cost of a bulk issue's commit (bench/issue-batch-bench.ts, the profile
 * in its header). The bytes hashed are the same, key by key (tests/unit/vault/entity-digest.test.ts
 * compares both ways), so digests written before and after this agree.
 */
export function digestOf(value: CanonicalValue): string {
  const hash = createHash('sha256');
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    isBytes(value) ||
    !Object.values(value).some(isBytes)
  )
    return hash.update(canonicalJson(value), 'utf8').digest('hex');
  const record = value as { readonly [key: string]: CanonicalValue | undefined };
  let first = true;
  hash.update('{', 'latin1');
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    hash.update(`${first ? '' : ','}${JSON.stringify(key)}:`, 'utf8');
    first = false;
    if (isBytes(item)) {
      // canonicalJson's {"$bytes": hex}; hex digits need no JSON escaping.
      hash.update('{"$bytes":"', 'latin1');
      updateWithHex(hash, item); // the hex text, without making it (hex-ascii.ts)
      hash.update('"}', 'latin1');
    } else hash.update(canonicalJson(item), 'utf8');
  }
  hash.update('}', 'latin1');
  return hash.digest('hex');
}
