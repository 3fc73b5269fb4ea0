// Every stored signed PDF verified against its record (the app's verifier,
// documents/verify, through the vault's own trust anchors and seal key): the signature intact
// over the whole file, the signer trusted, the seal genuine, the page what was sealed, and the
// data in the PDF equal to the record. Only the latest document of each kind per certificate is
// checked: an older one was replaced by a correction (and its record then differs on purpose).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DocumentVerification } from '../../../shared/ipc/documents-contract';
import type { ReviewFinding } from '../../../shared/review/review-report';
import { reviewFinding } from './review-finding';
import type { ReviewedCertificate } from './reviewed-certificates';
import type { DocumentVerifier, StoredDocumentsVerifier } from './verify-stored-documents';
import { verifyStoredHere } from './verify-stored-documents';

export type { DocumentVerifier } from './verify-stored-documents';

type StoredRow = {
  id: number;
  certificate_id: number;
  kind: string;
  file_name: string;
  sha256: string;
};

/** The latest signed certificate and signed VOID copy of each certificate, by certificate. */
export function latestSignedDocuments(db: Database): Map<number, StoredRow[]> {
  const rows = db
    .prepare<[], StoredRow>(
      `SELECT a.id, a.certificate_id, a.kind, a.file_name, a.sha256 FROM attachments AS a
        WHERE a.kind IN ('signed-certificate', 'signed-void-copy')
          AND a.id = (SELECT max(b.id) FROM attachments AS b
                       WHERE b.certificate_id = a.certificate_id AND b.kind = a.kind)
        ORDER BY a.certificate_id, a.id`,
    )
    .all();
  const byCertificate = new Map<number, StoredRow[]>();
  for (const row of rows) {
    const list = byCertificate.get(row.certificate_id) ?? [];
    list.push(row);
    byCertificate.set(row.certificate_id, list);
  }
  return byCertificate;
}

/** What failed, in the verifier's own words; empty when every check passed. */
function failedChecks(verification: DocumentVerification): string[] {
  const { result } = verification;
  if (result.rejected !== null) return [result.rejected.message];
  const failed: string[] = [];
  if (result.structure.status !== 'ok') failed.push(result.structure.message);
  if (result.integrity.status !== 'intact') failed.push(`signature: ${result.integrity.message}`);
  if (result.modifiedAfterSigning.status === 'yes')
    failed.push(
      `${String(result.modifiedAfterSigning.appendedBytes)} bytes were added after signing`,
    );
  if (result.chain.status !== 'trusted') failed.push(`signer: ${result.chain.message}`);
  if (result.seal.status !== 'verified') failed.push(`seal: ${result.seal.message}`);
  if (result.pageBinding.status !== 'bound') failed.push(`page: ${result.pageBinding.message}`);
  return failed;
}

/** The seal's field names (documents/seal/seal-payload.ts) in a licensee's words. */
const SEALED_FIELD_WORDS: Record<string, string> = {
  n: 'the number',
  itn: 'the ITN',
  iss: 'the date of issue',
  exp: 'the date of expiry',
  o: 'the country of origin',
  d: 'the country of destination',
  hs: 'the HS code',
  ct: 'the carats',
  val: 'the value (US$)',
  p: 'the number of parcels',
  ex: 'the exporter',
  co: 'the consignee',
  h: 'the digest of the whole record',
};

/** Hundredths (carats, cents) as the certificate prints them. */
const asDecimal = (text: string): string =>
  /^\d+$/.test(text)
    ? `${text.slice(0, -2).padStart(1, '0')}.${text.slice(-2).padStart(2, '0')}`
    : text;

function mismatchWords(field: string, sealed: string, record: string): string {
  const shown = (text: string) => (field === 'ct' || field === 'val' ? asDecimal(text) : text);
  return `${SEALED_FIELD_WORDS[field] ?? field} is "${shown(sealed)}" in the PDF but "${shown(record)}" in the record`;
}

const KIND_WORDS: Record<string, string> = {
  'signed-certificate': 'signed certificate',
  'signed-void-copy': 'signed VOID copy',
};

/** The findings with every document verified on this thread (the audit package's review). */
export function documentFindings(
  db: Database,
  certificates: readonly ReviewedCertificate[],
  verify: DocumentVerifier,
  onDocument?: (done: number, total: number) => void,
): StoredDocumentsReview {
  return storedDocumentFindings(db, certificates, verifyStoredHere(db, verify), onDocument);
}

export type StoredDocumentsReview = {
  findings: ReviewFinding[];
  documents: number;
  /** The audit digest of each verified document's attachment row, as it was read for the
   * verification (by String(attachment id)): the audit verification's known rows. */
  rowDigests: Map<string, string>;
};

/** The findings, the documents verified wherever `verifyStored` runs them. */
export function storedDocumentFindings(
  db: Database,
  certificates: readonly ReviewedCertificate[],
  verifyStored: StoredDocumentsVerifier,
  onDocument?: (done: number, total: number) => void,
): StoredDocumentsReview {
  const stored = latestSignedDocuments(db);
  const work = certificates.flatMap((certificate) =>
    (stored.get(certificate.id) ?? []).map((row) => ({ certificate, row })),
  );
  // The verification takes the file's SHA-256 (its result carries it): taken once, not again.
  const verifications = verifyStored(
    work.map(({ row }) => ({ attachmentId: row.id, fileName: row.file_name })),
    onDocument,
  );
  const findings: ReviewFinding[] = [];
  const rowDigests = new Map<string, string>();
  work.forEach(({ certificate, row }, index) => {
    const what = `The ${KIND_WORDS[row.kind] ?? row.kind} ${row.file_name}`;
    const stored = verifications[index];
    if (stored === undefined) return;
    rowDigests.set(String(row.id), stored.rowDigest);
    const { verification } = stored;
    const { sha256 } = verification;
    if (sha256 !== row.sha256) {
      findings.push(
        reviewFinding(
          'DOCUMENT_NOT_VERIFIED',
          certificate,
          `${what} is not the file the vault stored: its SHA-256 is ${sha256}, the vault recorded ${row.sha256}.`,
        ),
      );
      return;
    }
    const failed = failedChecks(verification);
    if (failed.length > 0)
      findings.push(
        reviewFinding(
          'DOCUMENT_NOT_VERIFIED',
          certificate,
          `${what} does not verify: ${failed.join('; ')}.`,
        ),
      );
    const { record } = verification.result;
    if (record.status === 'mismatch')
      findings.push(
        reviewFinding(
          'DOCUMENT_RECORD_MISMATCH',
          certificate,
          `${what} differs from the record: ${record.mismatches.map((m) => mismatchWords(m.field, m.sealed, m.record)).join('; ') || record.message.replace(/\.$/, '')}.`,
        ),
      );
    else if (record.status !== 'match' && failed.length === 0)
      findings.push(
        reviewFinding(
          'DOCUMENT_RECORD_MISMATCH',
          certificate,
          `${what} could not be compared with the record: ${record.message}`,
        ),
      );
  });
  onDocument?.(work.length, work.length);
  return { findings, documents: work.length, rowDigests };
}
