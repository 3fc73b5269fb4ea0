// The writes of one batch row, run inside a transaction the caller opens: the same steps as
// `kpdesk issue` and the app (draft on the form number, AES ITN, issue with the licensee's
// attestation, the signed PDF kept in the vault), each through the issuance service with its role
// check and audit event, and then the row's external reference with its own audit event. A
// refusal at any step rolls all of it back, so a reference exists if and only if its certificate
// was issued: re-running the batch reports it instead of issuing it twice.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate } from '../../../shared/domain/certificate';
import type { BatchRow } from '../../../shared/records/issue-batch-row';
import { draftOfBatchRow } from '../../../shared/records/issue-batch-row';
import type { Actor } from '../issuance/actor';
import type { AuditWriter } from '../vault/audit/audit-chain';
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
  certificate: Certificate;
};

export function commitBatchRow(
  writers: BatchWriters,
  ready: ReadyRow,
  prepared: PreparedDocument,
): CertificateRecord {
  const { services, actor } = writers;
  let record = services.issuance.createDraft(actor, {
    number: ready.number,
    draft: draftOfBatchRow(ready.row, ready.number),
  });
  record = services.issuance.recordItn(actor, { id: record.id, itn: ready.certificate.itn });
  record = services.issuance.issue(actor, {
    id: record.id,
    // The command refuses to run without --attest: the licensee attests for every row (USKPA).
    attested: true,
    packaging: { description: ready.row.packaging, sealNumbers: ready.row.sealNumbers },
    warranty: { statement: ready.row.warranty, invoiceNumbers: ready.row.invoiceNumbers },
  });
  writers.documents.store(actor, record, prepared);
  writers.references.add({
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
