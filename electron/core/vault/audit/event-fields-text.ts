// The canonical JSON of an audit event's fixed fields, written out by hand: the chain is hashed
// over this text millions of times (writing each event, verifying the whole chain), and the
// generic canonicalJson (sort keys, recurse) was most of the verifier's JavaScript time.
// Invariant: eventFieldsText(fields) === canonicalJson(fields) for every field value, byte for
// byte, so hashes written before and after this function agree (property-tested against
// canonicalJson in tests/unit/vault/audit-canonical-text.test.ts). The keys below are in the
// order canonicalJson sorts them: action, at, entityDigest, entityId, entityType, seq, userId.
import type { AuditEventFields } from './audit-chain';

/** JSON.stringify of a finite number; canonicalJson refuses NaN and Infinity the same way. */
export function canonicalNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
  return JSON.stringify(value);
}

export function eventFieldsText(fields: AuditEventFields): string {
  const user = fields.userId === null ? 'null' : canonicalNumber(fields.userId);
  return (
    `{"action":${JSON.stringify(fields.action)},"at":${JSON.stringify(fields.at)}` +
    `,"entityDigest":${JSON.stringify(fields.entityDigest)}` +
    `,"entityId":${JSON.stringify(fields.entityId)}` +
    `,"entityType":${JSON.stringify(fields.entityType)}` +
    `,"seq":${canonicalNumber(fields.seq)},"userId":${user}}`
  );
}
