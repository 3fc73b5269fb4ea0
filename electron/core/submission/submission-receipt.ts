// The receiver's signed acknowledgement (docs/schemas/receipt.schema.json). The signature covers
// the canonical JSON of `receipt` and is made by a key whose certificate, sent beside it, must be
// issued by the recipient's pinned CA. KP Desk stores the whole signed receipt: years later it is
// the licensee's proof that the copy was delivered (31 CFR 592.301(a)(1)(iv)-(v)), and for USKPA
// the echoed audit head is outside evidence that the vault's history was not rewritten since.
import { X509Certificate, createHash, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../vault/audit/canonical-json';
import type { AuditHead } from './submission-envelope';
import { AuditHeadSchema, IDEMPOTENCY_KEY_PATTERN } from './submission-envelope';

export const ReceiptSchema = z
  .object({
    receiptVersion: z.literal(1),
    receiptId: z.string().min(1).max(100),
    idempotencyKey: z.string().regex(IDEMPOTENCY_KEY_PATTERN),
    recipient: z.enum(['census', 'uskpa']),
    receivedAt: z.iso.datetime(),
    envelopeSha256: z.string().regex(/^[0-9a-f]{64}$/),
    status: z.enum(['accepted', 'accepted-with-warnings']),
    warnings: z.array(z.string().max(1000)).max(50),
    auditHead: AuditHeadSchema.optional(),
  })
  .strict();
export type Receipt = z.infer<typeof ReceiptSchema>;

export const SignedReceiptSchema = z
  .object({
    receipt: ReceiptSchema,
    /** base64 of the signature over canonicalJson(receipt), SHA-256 with the signer's key. */
    signature: z.string().min(1).max(2000),
    /** The signer's certificate, PEM, issued by the recipient's CA. */
    signerCertificate: z.string().min(1).max(20_000),
  })
  .strict();
export type SignedReceipt = z.infer<typeof SignedReceiptSchema>;

const receiptText = (receipt: Receipt): string => canonicalJson(receipt);

/** Used by the reference intake server (preview/intake); a real agency signs its own way. */
export function signReceipt(receipt: Receipt, keyPem: string, certPem: string): SignedReceipt {
  const signature = sign('sha256', Buffer.from(receiptText(receipt), 'utf8'), keyPem);
  return { receipt, signature: signature.toString('base64'), signerCertificate: certPem };
}

export type ReceiptExpectation = {
  idempotencyKey: string;
  envelopeSha256: string;
  recipient: 'census' | 'uskpa';
  /** USKPA: the head the envelope carried; the receipt must echo exactly it. */
  auditHead?: AuditHead;
  caPem: string;
  now: Date;
};

export type ReceiptCheck = { ok: true; receipt: SignedReceipt } | { ok: false; reason: string };

/**
 * Checks, in order: the shape; the signer certificate issued by the pinned CA and valid now;
 * the signature; then that the receipt is about THIS envelope (key, digest, recipient, head).
 * Only a receipt passing all of them may mark a submission Delivered.
 */
export function checkSignedReceipt(body: unknown, expect: ReceiptExpectation): ReceiptCheck {
  const parsed = SignedReceiptSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: 'the receipt is not in the documented form' };
  const signed = parsed.data;
  let signer: X509Certificate;
  let ca: X509Certificate;
  try {
    signer = new X509Certificate(signed.signerCertificate);
    ca = new X509Certificate(expect.caPem);
  } catch {
    return { ok: false, reason: "the receipt's signer certificate cannot be read" };
  }
  if (!signer.checkIssued(ca) || !signer.verify(ca.publicKey))
    return { ok: false, reason: "the receipt's signer was not certified by the recipient's CA" };
  const at = expect.now.getTime();
  if (at < Date.parse(signer.validFrom) || at > Date.parse(signer.validTo))
    return { ok: false, reason: "the receipt's signer certificate is not valid now" };
  const signatureOk = verify(
    'sha256',
    Buffer.from(receiptText(signed.receipt), 'utf8'),
    signer.publicKey,
    Buffer.from(signed.signature, 'base64'),
  );
  if (!signatureOk) return { ok: false, reason: 'the receipt signature does not verify' };
  const { receipt } = signed;
  if (receipt.idempotencyKey !== expect.idempotencyKey)
    return { ok: false, reason: 'the receipt acknowledges another submission' };
  if (receipt.envelopeSha256 !== expect.envelopeSha256)
    return { ok: false, reason: 'the receipt acknowledges different content' };
  if (receipt.recipient !== expect.recipient)
    return { ok: false, reason: 'the receipt comes from another recipient' };
  if (expect.auditHead !== undefined) {
    const echoed = receipt.auditHead;
    if (echoed?.seq !== expect.auditHead.seq || echoed.hash !== expect.auditHead.hash)
      return { ok: false, reason: 'the receipt does not echo the audit-chain head that was sent' };
  }
  return { ok: true, receipt: signed };
}

/** sha256 (hex) of the stored receipt text: what the outbox row's audit trail refers to. */
export function receiptDigest(signed: SignedReceipt): string {
  return createHash('sha256').update(canonicalJson(signed), 'utf8').digest('hex');
}
