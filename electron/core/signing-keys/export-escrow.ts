// Escrow of the signing keys (issue 13, part 3): an administrator, proving their signing secret,
// writes the active signing key with its certificate chain and the seal key to one PEM file, each
// private key as encrypted PKCS#8 (PBES2, AES-256-CBC, scrypt-free so that OpenSSL and any
// standard tool read it: `openssl pkey -in FILE`) under a passphrase given at export. The file
// is created 0600 and never overwritten; the export is an audit event of its own. The secret is
// always asked for, even when signing is open in this session: an opened workstation signs, it
// does not hand out keys.
import { createPrivateKey } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { ExportEscrowSchema } from '../../../shared/ipc/signing-keys-contract';
import { AppFailure } from '../app-failure';
import type { Actor } from '../issuance/actor';
import type { AuditWriter } from '../vault/audit/audit-chain';
import { checkPassphrase } from '../vault/keys/passphrase-wrap';
import type { IdentityRepository } from '../vault/repositories/identity-repository';
import { chainToPem } from '../vault/repositories/identity-repository';
import { parseInput } from '../vault/repositories/parse-input';
import type { SigningKeyring } from './signing-keyring';

const EscrowFileSchema = ExportEscrowSchema.extend({ path: z.string().min(1).max(4096) });

export type EscrowExport = { path: string; identityFingerprintSha256: string; sealKey: boolean };

function encryptedPem(der: Buffer, passphrase: string): string {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();
}

export async function exportEscrow(
  context: {
    db: Database;
    identities: IdentityRepository;
    keyring: SigningKeyring;
    audit: AuditWriter;
    now: () => Date;
  },
  actor: Actor,
  input: unknown,
): Promise<EscrowExport> {
  const user = context.keyring.authorizeAdministrator(actor, 'export the signing keys for escrow');
  const request = parseInput(EscrowFileSchema, input);
  checkPassphrase(request.exportPassphrase, 'exportPassphrase');
  if (request.exportPassphrase === request.secret)
    throw new AppFailure(
      'INVALID_INPUT',
      'Choose an export passphrase different from your signing secret: the file leaves the vault.',
      { exportPassphrase: 'Use a passphrase other than your signing secret.' },
    );
  const stored = context.identities.active();
  const seal = context.identities.activeSealKey();
  if (stored === null) throw new AppFailure('NOT_FOUND', 'There is no signing identity to export.');
  const kek = await context.keyring.kekFromSecret(user, request.secret, 'export the signing keys');
  let text: string;
  try {
    const signingDer = context.keyring.openStored(
      kek,
      stored.wrappedPrivateKey,
      'signing_identity',
    );
    const sealDer =
      seal === null ? null : context.keyring.openStored(kek, seal.wrappedPrivateKey, 'seal_key');
    text = [
      `KP Desk signing keys, exported for escrow on ${context.now().toISOString()} by ${user.username}.`,
      'Each private key is encrypted PKCS#8 under the export passphrase (openssl pkey -in FILE).',
      `Signing key of ${stored.signerName} (certificate SHA-256 ${stored.fingerprintSha256}):`,
      encryptedPem(signingDer, request.exportPassphrase).trimEnd(),
      'Its certificate chain, signer first:',
      chainToPem(stored.identity.certificateChainDer).trimEnd(),
      ...(sealDer === null
        ? []
        : [
            'Seal key (QR seal, ECDSA P-256):',
            encryptedPem(sealDer, request.exportPassphrase).trimEnd(),
          ]),
      '',
    ].join('\n');
    signingDer.fill(0);
    sealDer?.fill(0);
  } finally {
    kek.fill(0);
  }
  let handle;
  try {
    handle = await open(request.path, 'wx', 0o600);
  } catch {
    throw new AppFailure(
      'INVALID_INPUT',
      'The escrow file cannot be created there (it must be a new file in a folder you can write to).',
      { path: 'Choose a new file name in a folder you can write to.' },
    );
  }
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    context.db
      .transaction(() =>
        context.audit.append({
          userId: user.id,
          action: 'signing-keys.export-escrow',
          entityType: 'signing_identity',
          entityId: stored.id,
        }),
      )
      .immediate();
  } catch (error: unknown) {
    // An export the chain does not record must not exist.
    await rm(request.path, { force: true });
    throw error;
  }
  return {
    path: request.path,
    identityFingerprintSha256: stored.fingerprintSha256,
    sealKey: seal !== null,
  };
}
