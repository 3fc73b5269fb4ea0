// A stored receipt as the user sees it, checked again today. KP Desk stores a receipt only after
// checking it at delivery (submission-receipt.ts); years later a reviewer asks whether it still
// proves the delivery (31 CFR 592.301(a)(1)(iv)-(v)), so each check is made again and said in
// words: the signature, the signer certified by the recipient's CA pinned today, the receipt about
// this very submission, and (USKPA) the audit-chain head it echoes. "Verified" only when all pass.
import { X509Certificate, verify } from 'node:crypto';
import type { ReceiptView } from '../../../shared/records/submission-views';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { SubmissionRecord } from './submission-queries';
import { SignedReceiptSchema } from './submission-receipt';

type Check = ReceiptView['checks'][number];

const oneLine = (subject: string): string => subject.replace(/\n/g, ', ');

export function describeReceipt(
  record: SubmissionRecord,
  storedJson: string,
  pinnedCaPem: string | null,
): ReceiptView {
  const parsed = SignedReceiptSchema.parse(JSON.parse(storedJson));
  const { receipt } = parsed;
  const checks: Check[] = [];
  let signer: X509Certificate | null;
  try {
    signer = new X509Certificate(parsed.signerCertificate);
  } catch {
    signer = null;
  }
  const signatureOk =
    signer !== null &&
    verify(
      'sha256',
      Buffer.from(canonicalJson(receipt), 'utf8'),
      signer.publicKey,
      Buffer.from(parsed.signature, 'base64'),
    );
  checks.push({
    label: 'Signature',
    passed: signatureOk,
    detail: signatureOk
      ? "The signature over the receipt verifies with the signer's certificate."
      : 'The signature over the receipt does not verify: the receipt may have been altered.',
  });

  if (signer === null) {
    checks.push({
      label: 'Signer',
      passed: false,
      detail: "The receipt's signer certificate cannot be read.",
    });
  } else if (pinnedCaPem === null) {
    checks.push({
      label: 'Signer',
      passed: null,
      detail:
        'Not checked today: no HTTPS recipient with a pinned CA is configured for this recipient now.',
    });
  } else {
    const ca = new X509Certificate(pinnedCaPem);
    const certified = signer.checkIssued(ca) && signer.verify(ca.publicKey);
    const at = Date.parse(receipt.receivedAt);
    const validThen = at >= Date.parse(signer.validFrom) && at <= Date.parse(signer.validTo);
    checks.push({
      label: 'Signer',
      passed: certified && validThen,
      detail: !certified
        ? `The signer (${oneLine(signer.subject)}) is not certified by the CA pinned for this recipient today.`
        : !validThen
          ? `The signer's certificate was not valid when the receipt was made (${receipt.receivedAt}).`
          : `Signed by ${oneLine(signer.subject)}, certified by the pinned CA, valid when the receipt was made.`,
    });
  }

  const { item } = record;
  const matches =
    receipt.idempotencyKey === item.idempotencyKey && receipt.recipient === item.recipient;
  checks.push({
    label: 'This submission',
    passed: matches,
    detail: matches
      ? `The receipt acknowledges ${receipt.idempotencyKey} for ${receipt.recipient === 'census' ? 'Census' : 'USKPA'}.`
      : 'The receipt acknowledges another submission or comes from another recipient.',
  });

  // Only USKPA envelopes carry the head (build-envelope.ts), though every row freezes one.
  if (item.recipient === 'uskpa' && record.auditHead !== null) {
    const echoed = receipt.auditHead;
    const same = echoed?.seq === record.auditHead.seq && echoed.hash === record.auditHead.hash;
    checks.push({
      label: 'Audit-chain head',
      passed: same,
      detail: same
        ? `The receipt echoes the audit-chain head sent (event ${String(record.auditHead.seq)}): outside evidence that the history up to it was not rewritten.`
        : 'The receipt does not echo the audit-chain head that was sent.',
    });
  }

  return {
    submissionId: item.id,
    receiptId: receipt.receiptId,
    recipient: receipt.recipient,
    receivedAt: receipt.receivedAt,
    status: receipt.status,
    warnings: receipt.warnings,
    auditHead: receipt.auditHead ?? null,
    signerSubject: signer === null ? '' : oneLine(signer.subject),
    verified: checks.every((check) => check.passed === true),
    checks,
  };
}
