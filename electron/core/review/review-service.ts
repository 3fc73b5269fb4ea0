// The full review (issue 14, part 2): what a USKPA reviewer or a US agency checks when it reviews
// a licensee's records (at least once every five years), run over the whole vault or a period,
// with progress. Each check lives in its own file and names what it found; this file runs them
// in order, over one read transaction (every check sees the same vault), and assembles the
// report with the vault's identity, the period, when, by whom and the audit head. Reviewers and
// administrators may run it (the same readers as the statistics); it changes nothing and writes
// no audit event.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReviewSeverity } from '../../../shared/review/review-codes';
import type { ReviewFinding, ReviewReport } from '../../../shared/review/review-report';
import { ReviewRequestSchema } from '../../../shared/review/review-report';
import { authorize } from '../issuance/actor';
import { certificatePayload } from '../issuance/certificate-payloads';
import { licenseeLocalDate } from '../issuance/licensee-local-date';
import { STATISTICS_READERS, periodFromText } from '../reports/statistics-service';
import type { CanonicalValue } from '../vault/audit/canonical-json';
import { readChainHead } from '../vault/audit/chain-head';
import type { AnchorFilesReport } from '../vault/audit/check-anchor-files';
import type { DocumentOperations } from '../vault/document-operations';
import { parseInput } from '../vault/repositories/parse-input';
import { createUserRepository } from '../vault/repositories/user-repository';
import type { VaultServices } from '../vault/vault-services';
import { auditFindings } from './check-audit-record';
import { censusFindings } from './check-census-copies';
import { itnFindings } from './check-itns';
import { correctionFindings, expiryFindings, importNumberFindings } from './check-lifecycle';
import { stockFindings } from './check-stock-book';
import { storedDocumentFindings } from './check-stored-documents';
import { importedFindings } from './check-imported-records';
import { uskpaFindings } from './check-uskpa-reports';
import type { RecordPayload } from './check-uskpa-reports';
import { readOutboxByCertificate } from './outbox-by-certificate';
import { readReviewedCertificates } from './reviewed-certificates';
import { verifyStoredInTwoThreads } from './verify-documents-in-two-threads';
import type { DocumentVerifier, StoredDocumentsVerifier } from './verify-stored-documents';
import { verifyOneStored, verifyStoredHere } from './verify-stored-documents';

export const REVIEWERS = STATISTICS_READERS;

/** What tasks:progress shows while a review runs. */
export type ReviewProgress = {
  phase: 'verify' | 'documents' | 'records';
  done: number;
  total: number;
};

export type ReviewSources = {
  db: Database;
  services: VaultServices;
  documents: Pick<DocumentOperations, 'batchVerifier' | 'printable'>;
  now: () => Date;
  /** The vault's id from its key file (null for a vault opened with a bare key). */
  vaultId: string | null;
  /** Numbers of certificates received on import. None is recorded yet (incoming certificates
   * are a later issue): the review takes them from here, and the default is none. */
  importNumbers?: () => ReadonlySet<string>;
  /** The anchors check (kpdesk review --anchors): read before the review's transaction. */
  anchors?: () => Promise<AnchorFilesReport | undefined>;
  onProgress?: (progress: ReviewProgress) => void;
  /** The fonts' folder the documents' verifier uses (undefined: found beside the bundle). */
  resourcesDir?: string | undefined;
  /** How many signed PDFs each thread verified (the benchmark prints it). */
  onDocumentShares?: (shares: { here: number; helper: number }) => void;
};

/** Events per chain segment in the review: a 10,000-certificate vault has 75,000 to 90,000
 * events, which the default segment (200,000) leaves as one unit on one thread while the other
 * waits; in 20,000-event parts both threads walk it. */
const REVIEW_SEGMENT_EVENTS = 20_000;

const SEVERITY_ORDER: Record<ReviewSeverity, number> = { error: 0, warning: 1, info: 2 };

function sortFindings(findings: ReviewFinding[]): ReviewFinding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.certificateNumber ?? '').localeCompare(b.certificateNumber ?? '') ||
      a.code.localeCompare(b.code),
  );
}

/**
 * Where the signed PDFs are verified: on this thread and the vault's audit thread when the vault
 * has one (the app and the CLI bundle it), else on this thread alone. The helper reads the
 * records by the rule settings in force now and verifies at the review's time, as `verify` does.
 */
function verifyStored(sources: ReviewSources, verify: DocumentVerifier): StoredDocumentsVerifier {
  const { db, services } = sources;
  const helper = services.audit.helper;
  if (helper === undefined) return verifyStoredHere(db, verify);
  return verifyStoredInTwoThreads(
    db,
    helper,
    {
      at: sources.now(),
      settings: services.settings.validation(),
      resourcesDir: sources.resourcesDir,
      ...(sources.onDocumentShares === undefined ? {} : { onShares: sources.onDocumentShares }),
    },
    verifyOneStored(db, verify),
  );
}

export async function runReview(
  sources: ReviewSources,
  actor: unknown,
  requestInput: unknown,
): Promise<ReviewReport> {
  const user = authorize(
    createUserRepository(sources.db, sources.now),
    actor,
    REVIEWERS,
    'run the review',
  );
  return reviewRecords(
    sources,
    `${user.displayName} (${user.username}, ${user.role})`,
    requestInput,
  );
}

/**
 * The review itself, for a caller that has already established who runs it: runReview (a
 * signed-in reviewer or administrator of this vault) and the review of an audit package
 * (audit-package/review-audit-package.ts), whose reader is not a user of the licensee's vault.
 */
export async function reviewRecords(
  sources: ReviewSources,
  ranBy: string,
  requestInput: unknown,
): Promise<ReviewReport> {
  const { db, services, documents, onProgress } = sources;
  const request = parseInput(ReviewRequestSchema, requestInput ?? {});
  const period = request.period === undefined ? null : periodFromText(request.period);
  // The asynchronous parts first (fonts for the page comparison, anchor files): the checks then
  // run synchronously inside one read transaction.
  const verify = await documents.batchVerifier();
  const anchors = await sources.anchors?.();
  const ranAt = sources.now();
  // Deferred: it only reads, so it never holds the write lock (immediate-transactions.ts).
  const read = (): ReviewReport => {
    const certificates = readReviewedCertificates(db, period);
    // The documents first: each signed PDF's attachment row is read once, for its verification
    // and for its audit digest, which the audit verification then takes instead of reading the
    // row again (every other row, and any document row not verified here, it reads itself).
    const stored = storedDocumentFindings(
      db,
      certificates,
      verifyStored(sources, verify),
      (done, total) => {
        onProgress?.({ phase: 'documents', done, total });
      },
    );
    const audit = services.audit.verify(
      (done, total) => {
        onProgress?.({ phase: 'verify', done, total });
      },
      {
        known: { type: 'attachment', digests: stored.rowDigests },
        segmentEvents: REVIEW_SEGMENT_EVENTS,
      },
    );
    onProgress?.({ phase: 'records', done: 0, total: 1 });
    const outbox = readOutboxByCertificate(db);
    const recordPayload: RecordPayload = (id) => {
      const record = services.certificates.get(id);
      if (record === null) return null;
      try {
        const reading = documents.printable(record, 'certificate');
        return certificatePayload(reading, {}) as Record<string, CanonicalValue>;
      } catch {
        return null;
      }
    };
    const findings = sortFindings([
      ...auditFindings(db, audit, anchors),
      ...stored.findings,
      ...stockFindings(db, services.stock.gaps()),
      ...itnFindings(db, certificates),
      ...censusFindings(certificates, outbox),
      ...expiryFindings(certificates, licenseeLocalDate(ranAt)),
      ...uskpaFindings(certificates, outbox, recordPayload),
      ...importNumberFindings(certificates, sources.importNumbers?.() ?? new Set()),
      ...correctionFindings(db, certificates),
      ...importedFindings(certificates),
    ]);
    onProgress?.({ phase: 'records', done: 1, total: 1 });
    const head = readChainHead(db);
    const count = (severity: ReviewSeverity) =>
      findings.filter((finding) => finding.severity === severity).length;
    return {
      vault: { vaultId: sources.vaultId, licensee: services.licensee.get()?.legalName ?? null },
      period: period === null ? null : { label: period.label, from: period.from, to: period.to },
      ranAt: ranAt.toISOString(),
      ranBy,
      auditHead: { seq: head.seq, hash: head.hash },
      checked: {
        certificates: certificates.length,
        documents: stored.documents,
        auditEvents: audit.eventsChecked,
        anchors: anchors?.verdicts.length ?? 0,
      },
      counts: { error: count('error'), warning: count('warning'), info: count('info') },
      findings,
    };
  };
  return db.transaction(read).deferred();
}
