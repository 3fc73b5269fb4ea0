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
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

type EntitySource = { table: string; key: string };

/** Where each entity type lives; `key` is the column that entity ids refer to. */
export const entitySources: Record<AuditEntityType, EntitySource> = {
  certificate: { table: 'certificates', key: 'id' },
  stock: { table: 'stock', key: 'number' },
  user: { table: 'users', key: 'id' },
  licensee: { table: 'licensee', key: 'id' },
  party: { table: 'parties', key: 'id' },
  edit_request: { table: 'edit_requests', key: 'id' },
  attachment: { table: 'attachments', key: 'id' },
  setting: { table: 'settings', key: 'key' },
  vault_settings: { table: 'vault_settings', key: 'id' },
  blank_void: { table: 'blank_voids', key: 'number' },
  signing_identity: { table: 'signing_identities', key: 'id' },
  seal_key: { table: 'seal_keys', key: 'id' },
  trusted_certificate: { table: 'trusted_certificates', key: 'id' },
  outbox: { table: 'outbox', key: 'id' },
  submission_receipt: { table: 'submission_receipts', key: 'id' },
  submission_recipient: { table: 'submission_recipients', key: 'recipient' },
  issue_reference: { table: 'issue_references', key: 'reference' },
};

export function isAuditEntityType(value: string): value is AuditEntityType {
  return (auditEntityTypes as readonly string[]).includes(value);
}

export type EntityReader = (entityId: string) => CanonicalValue;

/** One reader per entity type, prepared once for this connection. */
export function createEntityReaders(db: Database): Record<AuditEntityType, EntityReader> {
  const reader = (type: AuditEntityType): EntityReader => {
    const { table, key } = entitySources[type];
    // Table and key names come from the constant map above, never from input.
    const statement = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`);
    const integerKey = key === 'id';
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
  };
}

export function digestOf(value: CanonicalValue): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
