// The signing identity as the vault keeps it: generate a key pair (self-signed certificate plus a
// PKCS#10 request for a certification authority) or import a password-protected PKCS#12 from a
// file main's open dialog chose. Only an administrator may do either; the private key is written
// into the encrypted vault, wrapped under the signing KEK (signing-keys/, issue 13), in the same
// transaction as its audit event and never leaves this process (callers get an
// IdentitySummary). The first identity also brings the vault's seal key, wrapped the same way.
import { readFileSync, statSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { IdentitySummary } from '../../../shared/ipc/documents-contract';
import {
  GenerateIdentitySchema,
  ImportIdentitySchema,
} from '../../../shared/ipc/documents-contract';
import { AppFailure } from '../app-failure';
import { ADMINISTRATORS, authorize } from '../issuance/actor';
import type { Actor } from '../issuance/actor';
import { generateSealKey, sealPublicKeyPem } from '../documents/seal/seal-key';
import {
  EXPIRY_WARNING_DAYS,
  certificateDates,
  describeIdentity,
  expiresWithinDays,
} from '../documents/signing/describe-identity';
import type { SigningIdentity } from '../documents/signing/identity';
import {
  generateSigningIdentity,
  importPkcs12,
  leafCertificate,
  openIdentity,
} from '../documents/signing/identity';
import type { SigningKeyring } from '../signing-keys/signing-keyring';
import {
  MAX_CERTIFICATE_FILE_BYTES,
  attachIssuedCertificate,
} from '../documents/signing/import-issued-certificate';
import type { AuditWriter } from './audit/audit-chain';
import type {
  IdentityRepository,
  NewIdentity,
  StoredIdentity,
} from './repositories/identity-repository';
import type { LicenseeRepository } from './repositories/licensee-repository';
import { parseInput } from './repositories/parse-input';
import type { UserRepository } from './repositories/user-repository';

/** A PKCS#12 file is a few kilobytes; anything this large is the wrong file. */
export const MAX_PKCS12_BYTES = 1024 * 1024;

const ImportFileSchema = ImportIdentitySchema.extend({ path: z.string().min(1).max(4096) });
const CertificateFileSchema = z.object({ path: z.string().min(1).max(4096) }).strict();

export type IdentityContext = {
  db: Database;
  identities: IdentityRepository;
  users: UserRepository;
  licensee: LicenseeRepository;
  audit: AuditWriter;
  keyring: SigningKeyring;
  now: () => Date;
};

/** An identity before it is stored: its private key still plain, in this process only. */
type IdentityToStore = {
  source: NewIdentity['source'];
  identity: SigningIdentity;
  certificationRequestPem: string | null;
  signerName: string;
};

export function summarizeIdentity(
  stored: StoredIdentity,
  sealPem: string | null,
  now: Date,
): IdentitySummary {
  const description = describeIdentity(stored.identity, now);
  return {
    subject: description.subject,
    issuer: description.issuer,
    serialNumber: description.serialNumber,
    validFrom: description.validFrom,
    validTo: description.validTo,
    fingerprintSha256: description.fingerprintSha256,
    selfSigned: description.selfSigned,
    keyType: description.keyType,
    chainLength: description.chainLength,
    expiresWithin30Days: expiresWithinDays(stored.identity, EXPIRY_WARNING_DAYS, now),
    warning: description.warning,
    source: stored.source,
    signerName: stored.signerName,
    createdAt: stored.createdAt,
    certificationRequestPem: stored.certificationRequestPem,
    sealPublicKeyPem: sealPem,
  };
}

/** A certificate outside its validity would make every signature invalid: refuse it up front. */
export function assertUsableNow(
  identity: Pick<SigningIdentity, 'certificateChainDer'>,
  now: Date,
): void {
  assertValidityCovers(certificateDates(leafCertificate(identity)), now);
}

/**
 * The same check on dates read once (signing-keys/signing-session.ts: a batch parses the
 * certificate once and checks each document's signing time against them).
 */
export function assertValidityCovers(validity: { from: Date; to: Date }, now: Date): void {
  const { from, to } = validity;
  if (now.getTime() > to.getTime())
    throw new AppFailure(
      'IDENTITY_INVALID',
      `The signing certificate expired on ${to.toISOString().slice(0, 10)}. An administrator must generate or import a new identity.`,
    );
  if (now.getTime() < from.getTime())
    throw new AppFailure(
      'IDENTITY_INVALID',
      `The signing certificate is valid only from ${from.toISOString().slice(0, 10)}.`,
    );
}

function commonNameOf(identity: SigningIdentity): string | undefined {
  const { certificate } = openIdentity(identity);
  return /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1]?.trim();
}

function readSmallFile(path: string, maxBytes: number, tooLarge: string): Buffer {
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new AppFailure('IDENTITY_INVALID', 'The chosen item is not a file.');
    if (info.size > maxBytes) throw new AppFailure('IDENTITY_INVALID', tooLarge);
    return readFileSync(path);
  } catch (error: unknown) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('IDENTITY_INVALID', 'The chosen file cannot be read.');
  }
}

export function createIdentityOperations(context: IdentityContext) {
  const { db, identities, audit, keyring, now } = context;

  const sealPem = (): string | null => {
    const seal = identities.activeSealKey();
    return seal === null ? null : sealPublicKeyPem(seal);
  };

  /**
   * Stores the identity (retiring the old one) and, the first time, a seal key, both wrapped under
   * the signing KEK (kekForNewKeys: the one open in this session, a new one for a vault without
   * keys, the pending one while no signing secret is set, or a refusal): one transaction.
   */
  const store = db.transaction((userId: number, entry: IdentityToStore, action: string) => {
    const kek = keyring.kekForNewKeys(userId);
    const { stored, retired } = identities.replace(
      {
        source: entry.source,
        wrappedPrivateKey: keyring.wrap(kek, entry.identity.privateKeyPkcs8Der, 'signing_identity'),
        identity: { certificateChainDer: entry.identity.certificateChainDer },
        certificationRequestPem: entry.certificationRequestPem,
        signerName: entry.signerName,
      },
      userId,
    );
    for (const id of retired)
      audit.append({
        userId,
        action: 'identity.retire',
        entityType: 'signing_identity',
        entityId: id,
      });
    audit.append({ userId, action, entityType: 'signing_identity', entityId: stored.id });
    if (identities.activeSealKey() === null) {
      const sealKey = generateSealKey();
      const sealId = identities.addSealKey(
        {
          wrappedPrivateKey: keyring.wrap(kek, sealKey.privateKeyPkcs8Der, 'seal_key'),
          publicKeySpkiDer: sealKey.publicKeySpkiDer,
        },
        userId,
      );
      sealKey.privateKeyPkcs8Der.fill(0);
      audit.append({ userId, action: 'seal-key.create', entityType: 'seal_key', entityId: sealId });
    }
    return stored;
  });

  return {
    /** Any signed-in user may see who signs (never the key). */
    get: (actor: Actor): IdentitySummary | null => {
      authorize(
        context.users,
        actor,
        ['operator', 'administrator', 'reviewer'],
        'see the signing identity',
      );
      const stored = identities.active();
      return stored === null ? null : summarizeIdentity(stored, sealPem(), now());
    },

    generate: (
      actor: Actor,
      input: unknown,
    ): { identity: IdentitySummary; certificationRequestPem: string } => {
      const user = authorize(context.users, actor, ADMINISTRATORS, 'create the signing identity');
      const request = parseInput(GenerateIdentitySchema, input);
      const organization = request.organization ?? context.licensee.get()?.legalName;
      if (organization === undefined)
        throw new AppFailure(
          'NOT_FOUND',
          'Enter the licensee profile (legal name) first: it is the organisation the signing certificate names.',
          { organization: 'The licensee profile is missing.' },
        );
      const generated = generateSigningIdentity({
        licenseeName: organization,
        signerName: request.signerName,
        keyType: request.keyType,
        now: now(),
      });
      const stored = store.immediate(
        user.id,
        {
          source: 'generated',
          identity: {
            privateKeyPkcs8Der: generated.privateKeyPkcs8Der,
            certificateChainDer: generated.certificateChainDer,
          },
          certificationRequestPem: generated.certificationRequestPem,
          signerName: request.signerName,
        },
        'identity.generate',
      );
      return {
        identity: summarizeIdentity(stored, sealPem(), now()),
        certificationRequestPem: generated.certificationRequestPem,
      };
    },

    /** Asked before main opens the file dialog, so only an administrator is shown one. */
    checkImport: (actor: Actor): { allowed: true } => {
      authorize(context.users, actor, ADMINISTRATORS, 'import the signing identity');
      return { allowed: true };
    },

    /** `path` comes from main's open dialog (FileDialogs), never from the renderer. */
    importFile: (actor: Actor, input: unknown): IdentitySummary => {
      const user = authorize(context.users, actor, ADMINISTRATORS, 'import the signing identity');
      const request = parseInput(ImportFileSchema, input);
      const file = readSmallFile(
        request.path,
        MAX_PKCS12_BYTES,
        'This file is too large to be a PKCS#12 identity (.p12 or .pfx).',
      );
      const identity = importPkcs12(file, request.password);
      assertUsableNow(identity, now());
      const signerName = request.signerName ?? commonNameOf(identity);
      if (signerName === undefined || signerName === '')
        throw new AppFailure(
          'INVALID_INPUT',
          'The certificate names no signer (CN); enter the signer’s name.',
          { signerName: 'Enter the signer’s name.' },
        );
      const stored = store.immediate(
        user.id,
        { source: 'imported', identity, certificationRequestPem: null, signerName },
        'identity.import',
      );
      return summarizeIdentity(stored, sealPem(), now());
    },

    /**
     * Asked before main opens the file dialog: an administrator, and a generated key waiting for
     * its CA certificate (the active identity, generated here, with its PKCS#10 request).
     */
    checkImportCertificate: (actor: Actor): { allowed: true } => {
      authorize(context.users, actor, ADMINISTRATORS, 'import the signing certificate');
      pendingGenerated();
      return { allowed: true };
    },

    /**
     * The certificate a CA issued for the generated key's request, with its chain (PEM or DER,
     * `path` from main's open dialog): checked (attachIssuedCertificate) and stored as the new
     * active identity with the same key; the self-signed one is retired, so documents signed with
     * it stay verifiable.
     */
    importCertificateFile: (actor: Actor, input: unknown): IdentitySummary => {
      const user = authorize(
        context.users,
        actor,
        ADMINISTRATORS,
        'import the signing certificate',
      );
      const request = parseInput(CertificateFileSchema, input);
      const pending = pendingGenerated();
      const file = readSmallFile(
        request.path,
        MAX_CERTIFICATE_FILE_BYTES,
        'This file is too large to be a certificate file (.pem, .crt or .cer).',
      );
      // The generated key, opened for the check only: needs the keys open in this session (or
      // the pending KEK while no signing secret is set).
      const privateKeyPkcs8Der = keyring.openStored(
        keyring.kekForNewKeys(user.id),
        pending.wrappedPrivateKey,
        'signing_identity',
      );
      const identity = attachIssuedCertificate(
        { privateKeyPkcs8Der, certificateChainDer: pending.identity.certificateChainDer },
        file,
        now(),
      );
      const stored = store.immediate(
        user.id,
        {
          source: 'generated',
          identity,
          certificationRequestPem: pending.certificationRequestPem,
          signerName: pending.signerName,
        },
        'identity.import-certificate',
      );
      return summarizeIdentity(stored, sealPem(), now());
    },
  };

  function pendingGenerated(): StoredIdentity {
    const active = identities.active();
    if (active?.source !== 'generated' || active.certificationRequestPem === null)
      throw new AppFailure(
        'IDENTITY_INVALID',
        'There is no key generated by KP Desk to attach a certificate to. Generate a signing identity first, send its certificate request (CSR) to the certification authority, then import the certificate it issues.',
      );
    return active;
  }
}

export type IdentityOperations = ReturnType<typeof createIdentityOperations>;
