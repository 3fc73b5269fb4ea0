// The certificate documents, made where the keys are: inside the vault's process (the vault
// worker in Electron), so the private keys are read from the encrypted vault and used here, and
// only PDFs, summaries and verification results leave. This file composes the operations of one
// open connection; each part lives in a file of its own:
// - document-context.ts: the repositories, signing keys, identity and trust list they share,
//   and the reading of a record as its document prints it;
// - identity-operations.ts: the signing identity (generate, import);
// - signing-operations.ts: signing a certificate or its VOID copy (31 CFR 592.301(a)(1)(v))
//   and keeping the signed PDF in the vault with its audit event;
// - document-file-operations.ts: preview, the stored documents' list and saving, the
//   print-on-form overlay and the calibration page;
// - document-verification.ts: verifying a PDF against this vault.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../issuance/actor';
import { exportEscrow } from '../signing-keys/export-escrow';
import { replaceSigningKeys } from '../signing-keys/replace-signing-keys';
import type { DocumentOperationsOptions } from './document-context';
import { createDocumentContext } from './document-context';
import { createDocumentFileOperations } from './document-file-operations';
import { createDocumentVerification } from './document-verification';
import { createSigningOperations } from './signing-operations';

export type { DocumentOperationsOptions } from './document-context';
export type { PreparedDocument } from './signing-operations';

export function createDocumentOperations(db: Database, options: DocumentOperationsOptions) {
  const context = createDocumentContext(db, options);
  const { now, identities, audit, signingKeys, identity, trust, printable } = context;
  const signing = createSigningOperations(context);
  const verification = createDocumentVerification(context);
  const files = createDocumentFileOperations(context);

  const operations = {
    identity,
    signingKeys,
    /** Escrow export (signing-keys/export-escrow.ts): `path` from main's save dialog or --out. */
    exportEscrow: (actor: Actor, input: unknown) =>
      exportEscrow({ db, identities, keyring: signingKeys, audit, now }, actor, input),
    /** Keys nobody can open any more (signing-keys/replace-signing-keys.ts). */
    replaceSigningKeys: (actor: Actor, input: unknown) =>
      replaceSigningKeys(
        { db, identities, identity, keyring: signingKeys, audit, now },
        actor,
        input,
      ),
    trust,
    prepare: signing.prepare,
    openSigningSession: signing.openSigningSession,
    store: signing.store,
    storeForJustIssued: signing.storeForJustIssued,
    signerSetup: signing.signerSetup,
    auditHeadNow: signing.auditHeadNow,
    printable,
    verifyBytes: verification.verifyBytes,
    batchVerifier: verification.batchVerifier,
    sign: signing.sign,
    ...files,
    verify: verification.verify,
  };
  return operations;
}

export type DocumentOperations = ReturnType<typeof createDocumentOperations>;
