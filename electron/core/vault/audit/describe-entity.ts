// How a verification break names the record it found changed, in a licensee's words: a
// certificate by its form number (the row id alone means nothing to a reviewer), the licensee
// profile and the vault's settings without an id (there is one of each), anything else by its
// kind and key. A record an attacker removed or an entity type KP Desk does not know is named
// by what the audit event says.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isAuditEntityType } from './entity-digest';
import type { AuditEntityType } from './entity-digest';
import { isStockRange, rangeBatchId } from './stock-range-digest';

const kinds: Record<AuditEntityType, string> = {
  certificate: 'certificate',
  stock: 'form number',
  user: 'user',
  licensee: 'licensee profile',
  party: 'address-book entry',
  edit_request: 'correction request',
  attachment: 'attachment',
  setting: 'setting',
  vault_settings: 'vault settings',
  blank_void: 'voided blank form',
  signing_identity: 'signing identity',
  seal_key: 'seal key',
  trusted_certificate: 'trusted certificate',
  outbox: 'submission',
  submission_receipt: 'submission receipt',
  submission_recipient: 'submission recipient',
  issue_reference: 'batch reference',
  stock_batch: 'registration of blank forms',
  signature_level: 'signature level of document',
  record_import: 'import mark of certificate record',
  audit_verified_head: 'record of a full verification',
  incoming_certificate: 'incoming certificate',
  incoming_scan: 'scan of an incoming certificate',
  audit_package_export: 'audit package export',
  signing_key_wrap: 'protection of the signing keys',
  shipment_template: 'shipment template',
  signing_key_replacement: 'replacement of the signing keys',
};

/** A registered range by its first and last number now, and its registration (batch) id. */
function describeStockRange(db: Database, id: string): string {
  const range = db
    .prepare<{ batch: number }, { first: string | null; last: string | null; count: number }>(
      `SELECT (SELECT number FROM stock WHERE batch_id = @batch ORDER BY digits LIMIT 1) AS first,
              (SELECT number FROM stock WHERE batch_id = @batch ORDER BY digits DESC LIMIT 1) AS last,
              (SELECT count(*) FROM stock WHERE batch_id = @batch) AS count`,
    )
    .get({ batch: rangeBatchId(id) ?? 0 });
  const what = `registered range of form numbers ${id}`;
  return range === undefined || range.first === null || range.last === null
    ? what
    : `${what} (${range.first} to ${range.last}, ${String(range.count)} numbers now)`;
}

export function describeEntity(db: Database, type: string, id: string): string {
  if (isStockRange(type)) return describeStockRange(db, id);
  if (!isAuditEntityType(type)) return `record "${id}" of an unknown kind ("${type}")`;
  if (type === 'licensee' || type === 'vault_settings') return `the ${kinds[type]}`;
  if (type === 'certificate') {
    const number = db
      .prepare<[number], string>('SELECT number FROM certificates WHERE id = ?')
      .pluck()
      .get(Number(id));
    if (number !== undefined) return `certificate ${number} (record ${id})`;
  }
  if (type === 'incoming_certificate') {
    const number = db
      .prepare<[number], string>('SELECT number FROM incoming_certificates WHERE id = ?')
      .pluck()
      .get(Number(id));
    if (number !== undefined) return `incoming certificate ${number} (record ${id})`;
  }
  return `${kinds[type]} ${id}`;
}
