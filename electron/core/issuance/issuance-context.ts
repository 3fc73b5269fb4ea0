// What every operation of the issuance service works with: the connection, the repositories,
// the audit writer, the clock and the rule settings. Built once per vault (vault-services.ts).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CertificateDraft } from '../../../shared/domain/certificate-draft';
import { normalizeCertificateNumber } from '../../../shared/domain/certificate-number';
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import { AppFailure } from '../app-failure';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { AttachmentRepository } from '../vault/repositories/attachment-repository';
import type { BlankVoidRepository } from '../vault/repositories/blank-void-repository';
import type { CertificateRepository } from '../vault/repositories/certificate-repository';
import type { EditRequestRepository } from '../vault/repositories/edit-request-repository';
import type { LicenseeRepository } from '../vault/repositories/licensee-repository';
import type { OutboxRepository } from '../vault/repositories/outbox-repository';
import type { PartyRepository } from '../vault/repositories/party-repository';
import type { SettingsRepository } from '../vault/repositories/settings-repository';
import type { StockRepository } from '../vault/repositories/stock-repository';
import type { UserRepository } from '../vault/repositories/user-repository';
import type { VaultFactsRepository } from '../vault/repositories/vault-facts-repository';

export type Repositories = {
  licensee: LicenseeRepository;
  users: UserRepository;
  parties: PartyRepository;
  stock: StockRepository;
  certificates: CertificateRepository;
  editRequests: EditRequestRepository;
  attachments: AttachmentRepository;
  outbox: OutboxRepository;
  facts: VaultFactsRepository;
  settings: SettingsRepository;
  blankVoids: BlankVoidRepository;
};

export type IssuanceContext = {
  db: Database;
  repos: Repositories;
  audit: AuditWriter;
  now: () => Date;
  /** The rule settings in force: the vault's saved ones, read at each use. */
  readonly settings: ValidationSettings;
  /** True for the number of a certificate received on an import (electron/core/incoming). */
  isImportCertificateNumber: (number: string) => boolean;
};

/**
 * A certificate's number is the stock form it was drafted on: a draft may leave it empty (it is
 * filled in) but may not name another one.
 */
export function withNumber(
  draft: CertificateDraft,
  number: string,
  field: string,
): CertificateDraft {
  const typed = normalizeCertificateNumber(draft.number);
  if (typed !== '' && typed !== number) {
    const message = `This certificate is on form ${number}; its number cannot change. Void it and draft a new one on another form.`;
    throw new AppFailure('INVALID_INPUT', message, { [field]: message });
  }
  return { ...draft, number };
}
