// Everything the CLI, the preview host and the vault worker use, built once over one open vault:
// read access through the repositories, every write through the issuance service (roles,
// transactions, audit), and the audit verification.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import { createAuditLogService } from '../audit-log/audit-log-service';
import { createIncomingService } from '../incoming/incoming-service';
import { createIssuanceService } from '../issuance/issuance-service';
import { createStatisticsService } from '../reports/statistics-service';
import { createTemplatesService } from '../templates/templates-service';
import { createImportMarks } from '../record-import/import-marks';
import { createSignInGuard } from '../sign-in/sign-in-guard';
import { createAuditWriter } from './audit/audit-chain';
import type { HelperThread } from './audit/run-units-in-two-threads';
import { verifyAuditChain } from './audit/verify-audit-chain';
import type { AuditReport, VerifyOptions } from './audit/verify-audit-chain';
import { createAttachmentRepository } from './repositories/attachment-repository';
import { createBlankVoidRepository } from './repositories/blank-void-repository';
import { createCertificateRepository } from './repositories/certificate-repository';
import { createCertificateTimelineRepository } from './repositories/certificate-timeline-repository';
import { createEditRequestRepository } from './repositories/edit-request-repository';
import { createLicenseeRepository } from './repositories/licensee-repository';
import { createOutboxRepository } from './repositories/outbox-repository';
import type { ScryptParams } from './repositories/password-hash';
import { createPartyRepository } from './repositories/party-repository';
import { createSettingsRepository } from './repositories/settings-repository';
import { createStockRepository } from './repositories/stock-repository';
import { createUserRepository } from './repositories/user-repository';
import { createVaultFactsRepository } from './repositories/vault-facts-repository';

export type VaultServiceOptions = {
  now?: () => Date;
  settings?: ValidationSettings;
  /** Only tests lower these, to keep them fast; the defaults are never weakened. */
  passwordHashing?: ScryptParams;
  /** A second thread for verifying a large vault's audit chain (the bundled worker + the key). */
  auditHelper?: HelperThread;
};

export function createVaultServices(db: Database, options: VaultServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const audit = createAuditWriter(db, now);
  const repos = {
    licensee: createLicenseeRepository(db, now),
    users: createUserRepository(db, now, options.passwordHashing),
    parties: createPartyRepository(db, now),
    stock: createStockRepository(db, now),
    certificates: createCertificateRepository(db, now),
    editRequests: createEditRequestRepository(db, now),
    attachments: createAttachmentRepository(db, now),
    outbox: createOutboxRepository(db, now),
    facts: createVaultFactsRepository(db, now),
    settings: createSettingsRepository(db, now),
    blankVoids: createBlankVoidRepository(db),
  };
  const baseValidation = options.settings ?? defaultValidationSettings;
  /** The rule settings in force: the saved vault settings over the base (defaults or a test's). */
  const validationSettings = (): ValidationSettings => {
    const stored = repos.settings.get();
    return stored === null
      ? baseValidation
      : {
          ...baseValidation,
          expiryMaxDays: stored.expiryMaxDays,
          expiryMode: stored.expiryMode,
          itnMaxDaysFromIssue: stored.itnWarningDays,
          pricePerCaratRanges: stored.pricePerCaratRanges,
        };
  };
  // Sign-in backs off per username after failures, and every failure is audited (issue 13).
  const signInGuard = createSignInGuard({ db, users: repos.users, audit, now });
  // Incoming (import) certificates (issue 15); their numbers are refused on the export side.
  const incoming = createIncomingService({
    db,
    users: repos.users,
    outbox: repos.outbox,
    audit,
    now,
  });
  const issuance = createIssuanceService({
    db,
    repos,
    audit,
    now,
    get settings() {
      return validationSettings();
    },
    isImportCertificateNumber: incoming.isIncomingNumber,
  });
  // Callers read through these views; the repositories' write methods are reached only through
  // the issuance service, which checks the role and writes the audit event.
  const timeline = createCertificateTimelineRepository(db);
  return {
    licensee: { get: repos.licensee.get },
    users: {
      get: repos.users.get,
      list: repos.users.list,
      count: repos.users.count,
      signIn: signInGuard.signIn,
    },
    parties: { get: repos.parties.get, search: repos.parties.search },
    stock: {
      get: repos.stock.get,
      counts: repos.stock.counts,
      gaps: repos.stock.gaps,
      nextAvailable: repos.stock.nextAvailable,
      blankVoid: repos.blankVoids.get,
    },
    certificates: {
      get: repos.certificates.get,
      getByNumber: repos.certificates.getByNumber,
      findByItn: repos.certificates.findByItn,
      list: repos.certificates.list,
      timeline: timeline.forCertificate,
    },
    editRequests: {
      get: repos.editRequests.get,
      listPending: repos.editRequests.listPending,
      list: repos.editRequests.list,
      listForCertificate: repos.editRequests.listForCertificate,
    },
    attachments: { list: repos.attachments.list, read: repos.attachments.read },
    outbox: {
      listPending: repos.outbox.listPending,
      listForCertificate: repos.outbox.listForCertificate,
    },
    facts: { recoveryKeyConfirmation: repos.facts.recoveryKeyConfirmation },
    settings: { stored: repos.settings.get, validation: validationSettings },
    issuance,
    incoming,
    // The marks of records imported from elsewhere, for the record views (issue 15 part 3).
    importMarks: createImportMarks(db),
    // Saved templates for repeat shipments (issue 15, part 6).
    templates: createTemplatesService({ db, users: repos.users, audit, now }),
    reports: createStatisticsService(db, repos.users),
    auditLog: createAuditLogService(db, repos.users),
    audit: {
      verify: (
        onProgress?: (done: number, total: number) => void,
        reviewOptions?: ReviewVerifyOptions,
      ): AuditReport =>
        verifyAuditChain(db, {
          ...reviewOptions,
          ...(options.auditHelper === undefined ? {} : { helper: options.auditHelper }),
          ...(onProgress === undefined ? {} : { onProgress }),
        }),
      // The bundled audit thread and the key its own connection opens the vault with: the full
      // review verifies the signed PDFs on it too (review/verify-documents-in-two-threads.ts).
      ...(options.auditHelper === undefined ? {} : { helper: options.auditHelper }),
    } satisfies AuditServices,
  };
}

/** The audit group: the verification, and the helper thread when the vault has one. */
/** What the full review adds to the verification (review/review-service.ts): the rows it has
 * already digested, and chain segments small enough for both threads to share the walk. */
export type ReviewVerifyOptions = Pick<VerifyOptions, 'known' | 'segmentEvents'>;

export type AuditServices = {
  verify: (
    onProgress?: (done: number, total: number) => void,
    reviewOptions?: ReviewVerifyOptions,
  ) => AuditReport;
  helper?: HelperThread;
};

export type VaultServices = ReturnType<typeof createVaultServices>;
