// Builds the envelope of a claimed submission: the outbox row's certificate data, the signed PDF
// the vault keeps for it (the latest one of the right kind), and for USKPA the audit head frozen
// at the first attempt. The same row always gives the same envelope, so every retry sends the
// same bytes and the receiver's digest check holds.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ENVELOPE_VERSION } from './submission-envelope';
import type { SubmissionEnvelope } from './submission-envelope';
import type { ClaimedSubmission } from './outbox-deliveries';

type DocumentRow = {
  file_name: string;
  sha256: string;
  content: Buffer;
  media_type: 'application/pdf' | 'image/png' | 'image/jpeg';
};

export type EnvelopeBuilder = (item: ClaimedSubmission) => SubmissionEnvelope;

export function createEnvelopeBuilder(db: Database): EnvelopeBuilder {
  // A voided certificate's copy is its void copy when one was made, else the signed original.
  const latestDocument = db.prepare<[number, string], DocumentRow>(
    `SELECT file_name, sha256, content, media_type FROM attachments
      WHERE certificate_id = ? AND media_type = 'application/pdf'
        AND kind IN ('signed-certificate', 'signed-void-copy')
      ORDER BY (kind = ?) DESC, id DESC LIMIT 1`,
  );
  // An incoming certificate's copy carries its scan (kept with the registration), as Census gets a fax
  // of the paper (31 CFR 592.301(a)(1)(iii)).
  const latestScan = db.prepare<[number], DocumentRow>(
    `SELECT file_name, sha256, content, media_type FROM incoming_scans
      WHERE incoming_id = ? ORDER BY id LIMIT 1`,
  );
  return (item) => {
    const preferred = item.kind === 'voided' ? 'signed-void-copy' : 'signed-certificate';
    const document =
      item.certificateId !== null
        ? latestDocument.get(item.certificateId, preferred)
        : item.incomingId !== null
          ? latestScan.get(item.incomingId)
          : undefined;
    const certificate =
      item.payload !== null && typeof item.payload === 'object' && !Array.isArray(item.payload)
        ? (item.payload as Record<string, unknown>)
        : { value: item.payload };
    return {
      envelopeVersion: ENVELOPE_VERSION,
      idempotencyKey: item.idempotencyKey,
      recipient: item.recipient,
      kind: item.kind,
      certificateNumber: item.number,
      queuedAt: item.queuedAt,
      certificate,
      document:
        document === undefined
          ? null
          : {
              mediaType: document.media_type,
              fileName: document.file_name,
              sha256: document.sha256,
              base64: document.content.toString('base64'),
            },
      // The chain head is evidence for USKPA's copy of the records (issue 12); Census gets none.
      ...(item.recipient === 'uskpa' && item.auditHead !== null
        ? { auditHead: item.auditHead }
        : {}),
    };
  };
}
