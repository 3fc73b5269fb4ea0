// The digest of an entity after a change: sha256 of the canonical JSON of its row, read by ONE
// named function per entity type. The same reader serves the writer (audit-chain.ts) and the
// verifier (verify-audit-chain.ts), so a row edited behind the app's back (with the key, through
// plain SQL) no longer matches the digest of its latest audit event.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CanonicalValue } from './canonical-json';
import { canonicalJson } from './canonical-json';

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
  // Issue 13 part 3 (migration 0210): the wraps of the signing key-encryption key.
  'signing_key_wrap',
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
  signing_key_wrap: { table: 'signing_key_wraps', key: 'id', integer: true },
};

export function isAuditEntityType(value: string): value is AuditEntityType {
  return (auditEntityTypes as readonly string[]).includes(value);
}

export type EntityReader = (entityId: string) => CanonicalValue;

/** One reader per entity type, prepared once for this connection. */
export function createEntityReaders(db: Database): Record<AuditEntityType, EntityReader> {
  const reader = (type: AuditEntityType): EntityReader => {
    const { table, key, integer: integerKey } = entitySources[type];
    // Table and key names come from the constant map above, never from input.
    const statement = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`);
    return (entityId) => {
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
    signing_key_wrap: reader('signing_key_wrap'),
  };
}

export function digestOf(value: CanonicalValue): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
