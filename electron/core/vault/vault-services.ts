// Everything the CLI, the preview host and the vault worker use, built once over one open vault:
// read access through the repositories, every write through the issuance service (roles,
// transactions, audit), and the audit verification.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { defaultValidationSettings } from '../../../shared/domain/validation-settings';
import { createIssuanceService } from '../issuance/issuance-service';
import { createAuditWriter } from './audit/audit-chain';
import { verifyAuditChain } from './audit/verify-audit-chain';
import type { AuditReport } from './audit/verify-audit-chain';
import { createAttachmentRepository } from './repositories/attachment-repository';
import { createCertificateRepository } from './repositories/certificate-repository';
import { createEditRequestRepository } from './repositories/edit-request-repository';
import { createLicenseeRepository } from './repositories/licensee-repository';
import { createOutboxRepository } from './repositories/outbox-repository';
import type { ScryptParams } from './repositories/password-hash';
import { createPartyRepository } from './repositories/party-repository';
import { createStockRepository } from './repositories/stock-repository';
import { createUserRepository } from './repositories/user-repository';

export type VaultServiceOptions = {
  now?: () => Date;
  settings?: ValidationSettings;
  /** Only tests lower these, to keep them fast; the defaults are never weakened. */
  passwordHashing?: ScryptParams;
};

export function createVaultServices(db: Database, options: VaultServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const repos = {
    licensee: createLicenseeRepository(db, now),
    users: createUserRepository(db, now, options.passwordHashing),
    parties: createPartyRepository(db, now),
    stock: createStockRepository(db, now),
    certificates: createCertificateRepository(db, now),
    editRequests: createEditRequestRepository(db, now),
    attachments: createAttachmentRepository(db, now),
    outbox: createOutboxRepository(db, now),
  };
  const issuance = createIssuanceService({
    db,
    repos,
    audit: createAuditWriter(db, now),
    now,
    settings: options.settings ?? defaultValidationSettings,
  });
  // Callers read through these views; the repositories' write methods are reached only through
  // the issuance service, which checks the role and writes the audit event.
  return {
    licensee: { get: repos.licensee.get },
    users: {
      get: repos.users.get,
      list: repos.users.list,
      count: repos.users.count,
      signIn: repos.users.signIn,
    },
    parties: { get: repos.parties.get, search: repos.parties.search },
    stock: { get: repos.stock.get, counts: repos.stock.counts, gaps: repos.stock.gaps },
    certificates: {
      get: repos.certificates.get,
      getByNumber: repos.certificates.getByNumber,
      findByItn: repos.certificates.findByItn,
      list: repos.certificates.list,
    },
    editRequests: {
      get: repos.editRequests.get,
      listPending: repos.editRequests.listPending,
      listForCertificate: repos.editRequests.listForCertificate,
    },
    attachments: { list: repos.attachments.list, read: repos.attachments.read },
    outbox: {
      listPending: repos.outbox.listPending,
      listForCertificate: repos.outbox.listForCertificate,
    },
    issuance,
    audit: { verify: (): AuditReport => verifyAuditChain(db) },
  };
}

export type VaultServices = ReturnType<typeof createVaultServices>;
