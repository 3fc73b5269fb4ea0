// `kpdesk submissions export-receipts`: every stored receipt as one JSON line, with what it can
// prove checked again now, so a reviewer can take the file away. A signed HTTPS receipt is
// re-verified (signature over its canonical JSON, signer issued by the recipient's CA configured
// now, and it names this row's idempotency key and, for USKPA, the head this row sent); an e-mail
// receipt proves only the mail server's acceptance and a manual one only the user's word: their
// state says so instead of a "valid" they could not earn.
import { X509Certificate, verify } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { OutboxRecipient } from '../vault/repositories/outbox-repository';
import type { DeliveryReceipt } from './delivery-receipt';
import { describeReceipt, isMailReceipt, isManualConfirmation } from './delivery-receipt';
import type { SignedReceipt } from './submission-receipt';

export type ReceiptVerification =
  | 'signature-verified'
  | 'signature-invalid'
  | 'signer-not-from-configured-ca'
  | 'no-ca-configured'
  | 'does-not-match-submission'
  | 'accepted-by-mail-server-unsigned'
  | 'confirmed-by-user-unproven';

export type ExportedReceipt = {
  submissionId: number;
  recipient: OutboxRecipient;
  idempotencyKey: string;
  certificateNumber: string;
  channel: 'https' | 'smtp' | 'manual';
  verification: ReceiptVerification;
  says: string;
  storedAt: string;
  receipt: DeliveryReceipt;
};

type Row = {
  id: number;
  recipient: OutboxRecipient;
  idempotency_key: string;
  number: string;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
  signed_receipt_json: string;
  stored_at: string;
};

function verifySigned(signed: SignedReceipt, row: Row, caPem: string | null): ReceiptVerification {
  if (caPem === null) return 'no-ca-configured';
  let signer: X509Certificate;
  let ca: X509Certificate;
  try {
    signer = new X509Certificate(signed.signerCertificate);
    ca = new X509Certificate(caPem);
  } catch {
    return 'signer-not-from-configured-ca';
  }
  if (!signer.checkIssued(ca) || !signer.verify(ca.publicKey))
    return 'signer-not-from-configured-ca';
  const ok = verify(
    'sha256',
    Buffer.from(canonicalJson(signed.receipt), 'utf8'),
    signer.publicKey,
    Buffer.from(signed.signature, 'base64'),
  );
  if (!ok) return 'signature-invalid';
  const head = signed.receipt.auditHead;
  if (
    signed.receipt.idempotencyKey !== row.idempotency_key ||
    signed.receipt.recipient !== row.recipient ||
    (row.audit_head_seq !== null &&
      row.recipient === 'uskpa' &&
      (head?.seq !== row.audit_head_seq || head.hash !== row.audit_head_hash))
  )
    return 'does-not-match-submission';
  return 'signature-verified';
}

/** Calls `write` once per stored receipt, in submission order (streams: no list in memory). */
export function exportReceipts(
  db: Database,
  caOf: (recipient: OutboxRecipient) => string | null,
  write: (line: ExportedReceipt) => void,
): number {
  const rows = db
    .prepare<[], Row>(
      `SELECT o.id, o.recipient, o.idempotency_key, coalesce(c.number, o.stock_number, i.number) AS number,
              o.audit_head_seq, o.audit_head_hash, r.signed_receipt_json, r.stored_at
         FROM submission_receipts AS r JOIN outbox AS o ON o.id = r.outbox_id
         LEFT JOIN certificates AS c ON c.id = o.certificate_id
  LEFT JOIN incoming_certificates AS i ON i.id = o.incoming_id ORDER BY o.id`,
    )
    .iterate();
  let count = 0;
  for (const row of rows) {
    const receipt = JSON.parse(row.signed_receipt_json) as DeliveryReceipt;
    const channel = isMailReceipt(receipt)
      ? 'smtp'
      : isManualConfirmation(receipt)
        ? 'manual'
        : 'https';
    const verification: ReceiptVerification =
      channel === 'smtp'
        ? 'accepted-by-mail-server-unsigned'
        : channel === 'manual'
          ? 'confirmed-by-user-unproven'
          : verifySigned(receipt as SignedReceipt, row, caOf(row.recipient));
    write({
      submissionId: row.id,
      recipient: row.recipient,
      idempotencyKey: row.idempotency_key,
      certificateNumber: row.number,
      channel,
      verification,
      says: describeReceipt(receipt),
      storedAt: row.stored_at,
      receipt,
    });
    count += 1;
  }
  return count;
}
