// The writes of one batch row, run inside a transaction the caller opens: the certificate
// issued in one step on what the row's check accepted (issuance/issue-in-one-step.ts: the form
// taken from stock, the certificate ISSUED with the licensee's attestation, USKPA's copy queued,
// their audit events), the signed PDF kept in the vault with its own events, and then the row's
// external reference with its audit event. A refusal at any step rolls all of it back, so a
// reference exists if and only if its certificate was issued: re-running the batch reports it
// instead of issuing it twice.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchRow } from '../../../shared/records/issue-batch-row';
import type { Actor } from '../issuance/actor';
import type { CheckedIssue } from '../issuance/issue-in-one-step';
import type { AuditWriter } from '../vault/audit/audit-chain';
import { digestOf } from '../vault/audit/entity-digest';
import { writeFileAtomically } from '../vault/document-files';
import type { DocumentOperations, PreparedDocument } from '../vault/document-operations';
import type { CertificateRecord } from '../vault/repositories/certificate-row';
import type { VaultServices } from '../vault/vault-services';
import type { BatchOutcome } from './batch-outcome';
import type { Where } from './check-batch-row';
import type { IssueReference, IssueReferenceRepository } from './issue-reference-repository';

export type BatchWriters = {
  services: VaultServices;
  documents: DocumentOperations;
  references: IssueReferenceRepository;
  audit: AuditWriter;
  actor: Actor;
  now: () => Date;
  batchFile: string;
};

export type ReadyRow = {
  where: Where;
  row: BatchRow;
  number: string;
  /** Every rule from draft to issue, checked once (issuance/issue-in-one-step.ts). */
  checked: CheckedIssue;
};

export function commitBatchRow(
  writers: BatchWriters,
  ready: ReadyRow,
  prepared: PreparedDocument,
): CertificateRecord {
  const { services, actor } = writers;
  // The command refuses to run without --attest: the licensee attests for every row (USKPA).
  const record = services.issuance.issueChecked(actor, ready.checked);
  writers.documents.storeForJustIssued(actor, record, prepared);
  const reference = writers.references.add({
    reference: ready.row.reference,
    certificateId: record.id,
    batchFile: writers.batchFile,
    batchRow: ready.where.row,
    recordedAt: writers.now().toISOString(),
    recordedBy: actor.userId,
  });
  writers.audit.append({
    userId: actor.userId,
    action: 'issue-reference.record',
    entityType: 'issue_reference',
    entityId: ready.row.reference,
    entityDigest: digestOf(reference),
  });
  return record;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A reference issued before: reported with its certificate, never issued again. Its signed PDF
 * is written to the output folder when missing there (a crash between the commit and the file),
 * from the copy the vault keeps; a different file already at that path is left alone.
 */
export function alreadyIssuedOutcome(
  services: VaultServices,
  where: Where,
  existing: IssueReference,
  outDir: string,
): BatchOutcome {
  const record = services.certificates.get(existing.certificateId);
  if (record === null) throw new Error('issue reference without its certificate');
  const base = {
    ...where,
    outcome: 'already-issued' as const,
    certificateId: record.id,
    number: record.number,
    state: record.state,
  };
  const stored = services.attachments
    .list(record.id)
    .filter((meta) => meta.kind === 'signed-certificate')
    .at(-1);
  if (stored === undefined)
    return { ...base, pdf: null, note: 'The vault holds no signed PDF of this certificate.' };
  const path = join(outDir, `${record.number}.pdf`);
  if (!existsSync(path)) {
    writeFileAtomically(path, services.attachments.read(stored.id));
    return { ...base, pdf: path, note: 'The PDF was written again from the vault.' };
  }
  if (sha256(readFileSync(path)) === stored.sha256) return { ...base, pdf: path };
  return {
    ...base,
    pdf: null,
    note: `${path} is not the PDF the vault signed for this certificate; it was left as it is.`,
  };
}
