// The vault's trust list: certificates an administrator chose to trust (a USKPA or commercial
// certification authority, or a partner's own signing certificate), so that a signature whose
// certificate chains to one of them verifies as trusted (ETSI EN 319 102-1 5.2.6: the trust
// anchors are the verifier's choice). Every signed-in role may read the list; only an
// administrator adds (from a file main's open dialog chose) or removes. Each write is one
// transaction with its audit event; a removed certificate keeps its row and stops being trusted.
import { X509Certificate } from 'node:crypto';
import { statSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { TrustedCertificate } from '../../../shared/ipc/trust-contract';
import {
  AddTrustedCertificateSchema,
  RemoveTrustedCertificateSchema,
} from '../../../shared/ipc/trust-contract';
import { AppFailure } from '../app-failure';
import { ADMINISTRATORS, authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import type { AuditWriter } from './audit/audit-chain';
import { MAX_TRUST_FILE_BYTES, oneLineName, readTrustCandidate } from './read-trust-candidate';
import { parseInput } from './repositories/parse-input';
import type {
  StoredTrustedCertificate,
  TrustedCertificateRepository,
} from './repositories/trusted-certificate-repository';
import type { UserRepository } from './repositories/user-repository';

const EVERYONE = ['operator', 'administrator', 'reviewer'] as const;

const AddFileSchema = AddTrustedCertificateSchema.extend({ path: z.string().min(1).max(4096) });

export type TrustListContext = {
  db: Database;
  trusted: TrustedCertificateRepository;
  users: UserRepository;
  audit: AuditWriter;
  now: () => Date;
};

function readCertificateFile(path: string): Buffer {
  try {
    const info = statSync(path);
    if (!info.isFile())
      throw new AppFailure('TRUSTED_CERTIFICATE_INVALID', 'The chosen item is not a file.');
    if (info.size > MAX_TRUST_FILE_BYTES)
      throw new AppFailure(
        'TRUSTED_CERTIFICATE_INVALID',
        'This file is too large to be a certificate (.pem, .crt, .cer or .der).',
      );
    return readFileSync(path);
  } catch (error: unknown) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('TRUSTED_CERTIFICATE_INVALID', 'The chosen file cannot be read.');
  }
}

export function createTrustListOperations(context: TrustListContext) {
  const { db, trusted, users, audit, now } = context;

  const summarize = (stored: StoredTrustedCertificate): TrustedCertificate => {
    const certificate = new X509Certificate(stored.certificateDer);
    return {
      label: stored.label,
      subject: stored.subject,
      issuer: oneLineName(certificate.issuer),
      fingerprintSha256: stored.fingerprintSha256,
      validFrom: new Date(certificate.validFrom).toISOString(),
      validTo: new Date(certificate.validTo).toISOString(),
      kind: certificate.ca ? 'certification-authority' : 'signing-certificate',
      addedAt: stored.addedAt,
      addedBy: stored.addedBy === null ? null : (users.get(stored.addedBy)?.displayName ?? null),
    };
  };

  const add = db.transaction((userId: number, der: Buffer, subject: string, label: string) => {
    const fingerprintSha256 = new X509Certificate(der).fingerprint256;
    const existing = trusted.activeByFingerprint(fingerprintSha256);
    if (existing !== null)
      throw new AppFailure(
        'CONFLICT',
        `This certificate is already in the trust list, as "${existing.label}". Nothing was added.`,
      );
    const stored = trusted.add({ certificateDer: der, fingerprintSha256, subject, label }, userId);
    audit.append({
      userId,
      action: 'trust.add',
      entityType: 'trusted_certificate',
      entityId: stored.id,
    });
    return stored;
  });

  const remove = db.transaction((userId: number, fingerprint: string) => {
    const existing = trusted.activeByFingerprint(fingerprint);
    if (existing === null)
      throw new AppFailure(
        'NOT_FOUND',
        `No certificate with the fingerprint ${fingerprint} is in the trust list.`,
        { fingerprintSha256: 'Not in the trust list.' },
      );
    trusted.remove(existing.id, userId);
    audit.append({
      userId,
      action: 'trust.remove',
      entityType: 'trusted_certificate',
      entityId: existing.id,
    });
    return existing;
  });

  return {
    /** Every signed-in role may see what the vault trusts. */
    list: (actor: Actor): TrustedCertificate[] => {
      authorize(users, actor, EVERYONE, 'see the trusted certificates');
      return trusted.active().map(summarize);
    },

    /** Asked before main opens the file dialog, so only an administrator is shown one. */
    checkAdd: (actor: Actor): { allowed: true } => {
      authorize(users, actor, ADMINISTRATORS, 'add a trusted certificate');
      return { allowed: true };
    },

    /** `path` comes from main's open dialog (FileDialogs), never from the renderer. */
    addFile: (actor: Actor, input: unknown): TrustedCertificate => {
      const user = authorize(users, actor, ADMINISTRATORS, 'add a trusted certificate');
      const request = parseInput(AddFileSchema, input);
      const candidate = readTrustCandidate(readCertificateFile(request.path), now());
      return summarize(add.immediate(user.id, candidate.der, candidate.subject, request.label));
    },

    remove: (actor: Actor, input: unknown): { removed: TrustedCertificate } => {
      const user = authorize(users, actor, ADMINISTRATORS, 'remove a trusted certificate');
      const { fingerprintSha256 } = parseInput(RemoveTrustedCertificateSchema, input);
      return { removed: summarize(remove.immediate(user.id, fingerprintSha256)) };
    },

    /** The DER of every certificate trusted now: anchors for the vault's verification. */
    anchorsDer: (): Buffer[] => trusted.activeCertificatesDer(),
  };
}

export type TrustListOperations = ReturnType<typeof createTrustListOperations>;
