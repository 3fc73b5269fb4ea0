// What KP Desk sends to an agency over HTTPS (docs/submission-api.md, JSON Schema in
// docs/schemas/submission-envelope.schema.json): one envelope per outbox row, the same bytes on
// every attempt (the audit head is frozen at the first attempt), so the receiver can deduplicate
// on the idempotency key and detect a key reused for different content by the envelope's digest.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import { canonicalJson } from '../vault/audit/canonical-json';

export const ENVELOPE_VERSION = 1;

/**
 * A certificate's or form's number, the message's kind, the version of that kind (1, 2, ...).
 * The number is a US one, except for the Census copy of a foreign certificate received on an
 * import (kind IMPORT_ENTRY_KIND, issue 15), whose number starts with its Participant's ISO code.
 */
export const IDEMPOTENCY_KEY_PATTERN =
  /^(US[1-9][0-9]{4,}\/[a-z][a-z-]*|[A-Z]{2}[A-Z0-9]{3,30}\/import-entry)\/v[1-9][0-9]*$/;

/** The outbox kind of the Census copy of an incoming certificate (31 CFR 592.301(a)(1)(iii)). */
export const IMPORT_ENTRY_KIND = 'import-entry';
const US_NUMBER = /^US[1-9][0-9]{4,}$/;
const FOREIGN_NUMBER = /^[A-Z]{2}[A-Z0-9]{3,30}$/;

export const AuditHeadSchema = z
  .object({
    seq: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AuditHead = z.infer<typeof AuditHeadSchema>;

export const EnvelopeDocumentSchema = z
  .object({
    /** A signed PDF; for an import entry, the scan of the foreign certificate (PDF or image). */
    mediaType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
    fileName: z.string().min(1).max(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    base64: z.string().min(1),
  })
  .strict();

export const SubmissionEnvelopeSchema = z
  .object({
    envelopeVersion: z.literal(ENVELOPE_VERSION),
    idempotencyKey: z.string().regex(IDEMPOTENCY_KEY_PATTERN),
    recipient: z.enum(['census', 'uskpa']),
    kind: z.string().regex(/^[a-z][a-z-]*$/),
    certificateNumber: z.string().regex(FOREIGN_NUMBER),
    queuedAt: z.iso.datetime(),
    /** The certificate's data as the outbox row carries it (integer carats and cents). */
    certificate: z.record(z.string(), z.unknown()),
    /** The signed PDF, when the vault holds one for this certificate. */
    document: EnvelopeDocumentSchema.nullable(),
    /** USKPA only: the vault's audit-chain head when the envelope was first sent. */
    auditHead: AuditHeadSchema.optional(),
  })
  .strict()
  // A US number for every kind but the import entry, whose number is the foreign one (never US);
  // only the import entry may carry an image (the scan), a US certificate's copy is its PDF.
  .superRefine((envelope, context) => {
    const isImport = envelope.kind === IMPORT_ENTRY_KIND;
    const numberOk = isImport
      ? !envelope.certificateNumber.startsWith('US')
      : US_NUMBER.test(envelope.certificateNumber);
    if (!numberOk)
      context.addIssue({
        code: 'custom',
        path: ['certificateNumber'],
        message: isImport
          ? 'An import entry names the foreign certificate, never a US number.'
          : 'A US certificate number: US followed by at least five digits.',
      });
    if (
      !isImport &&
      envelope.document !== null &&
      envelope.document.mediaType !== 'application/pdf'
    )
      context.addIssue({
        code: 'custom',
        path: ['document', 'mediaType'],
        message:
          'Only an import entry carries a scanned image; a US certificate is sent as its PDF.',
      });
  });

export type SubmissionEnvelope = z.infer<typeof SubmissionEnvelopeSchema>;

export function idempotencyKey(number: string, kind: string, version: number): string {
  return `${number}/${kind}/v${String(version)}`;
}

/** sha256 (hex) of the envelope's canonical JSON: what the receipt's envelopeSha256 echoes. */
export function envelopeDigest(envelope: SubmissionEnvelope): string {
  return createHash('sha256')
    .update(canonicalJson(envelope as unknown as CanonicalValue), 'utf8')
    .digest('hex');
}
