// The vault gateway's `identity`, `trust` and `documents` groups over the document operations of the open
// connection. Each call is made as the signed-in user (`session` throws VAULT_LOCKED or
// AUTH_FAILED otherwise); paths come from main's dialogs (document-handlers.ts), never the renderer.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../issuance/actor';
import { parseInput } from './repositories/parse-input';
import {
  CloseWorkstationPartsSchema,
  OpenWorkstationPartsSchema,
} from '../signing-keys/workstation-signing';
import type { DocumentOperations, DocumentOperationsOptions } from './document-operations';
import { createDocumentOperations } from './document-operations';

/** One set of operations (prepared statements) per open connection. */
const byConnection = new WeakMap<Database, DocumentOperations>();

export function documentOperationsFor(
  db: Database,
  options: DocumentOperationsOptions,
): DocumentOperations {
  let operations = byConnection.get(db);
  if (operations === undefined) {
    operations = createDocumentOperations(db, options);
    byConnection.set(db, operations);
  }
  return operations;
}

/**
 * The vault gateway's `identity` and `documents` groups: each call is made as the signed-in user
 * (`session` throws VAULT_LOCKED or AUTH_FAILED otherwise); paths come from main's dialogs.
 */
export function documentGatewayGroups(
  session: () => { db: Database; actor: Actor },
  options: DocumentOperationsOptions,
) {
  const call =
    <R>(run: (operations: DocumentOperations, actor: Actor, input: unknown) => R) =>
    (input: unknown): R => {
      const { db, actor } = session();
      return run(documentOperationsFor(db, options), actor, input);
    };
  return {
    identity: {
      get: call((ops, actor) => ops.identity.get(actor)),
      generate: call((ops, actor, input) => ops.identity.generate(actor, input)),
      checkImport: call((ops, actor) => ops.identity.checkImport(actor)),
      /** `{ path, password, signerName? }`: path from main's open dialog. */
      import: call((ops, actor, input) => ops.identity.importFile(actor, input)),
      checkImportCertificate: call((ops, actor) => ops.identity.checkImportCertificate(actor)),
      /** `{ path }`: the CA's certificate (and chain) file, from main's open dialog. */
      importCertificate: call((ops, actor, input) =>
        ops.identity.importCertificateFile(actor, input),
      ),
      // Protection of the signing keys (signing-keys/, issue 13 part 3).
      signingKeys: call((ops, actor) => ops.signingKeys.status(actor)),
      setSigningSecret: call((ops, actor, input) => ops.signingKeys.setSecret(actor, input)),
      unlockSigning: call((ops, actor, input) => ops.signingKeys.unlock(actor, input)),
      /** Main only (signing-keys/workstation-signing.ts), with this computer's keychain part. */
      openWorkstation: call((ops, actor, input) => {
        const parts = parseInput(OpenWorkstationPartsSchema, input);
        const wrappingKey = Buffer.from(parts.wrappingKeyHex, 'hex');
        return ops.signingKeys
          .openWorkstation(actor, parts.secret === undefined ? {} : { secret: parts.secret }, {
            wrappingKey,
            sealedKey: Buffer.from(parts.sealedKey, 'base64'),
            backend: parts.backend,
          })
          .finally(() => wrappingKey.fill(0));
      }),
      /** `thisWorkstationId`: the wrap this computer's keychain opens (main finds it). */
      closeWorkstation: call((ops, actor, input) => {
        const parts = parseInput(CloseWorkstationPartsSchema, input);
        return ops.signingKeys.closeWorkstation(
          actor,
          { which: parts.which },
          parts.thisWorkstationId,
        );
      }),
      /** Asked before main's save dialog: only an administrator exports the keys. */
      checkExportEscrow: call((ops, actor) => {
        ops.signingKeys.authorizeAdministrator(actor, 'export the signing keys for escrow');
        return { allowed: true as const };
      }),
      /** `{ secret, exportPassphrase, path }`: path from main's save dialog or --out. */
      exportEscrow: call((ops, actor, input) => ops.exportEscrow(actor, input)),
    },
    trust: {
      list: call((ops, actor) => ops.trust.list(actor)),
      checkAdd: call((ops, actor) => ops.trust.checkAdd(actor)),
      /** `{ path, label }`: path from main's open dialog. */
      add: call((ops, actor, input) => ops.trust.addFile(actor, input)),
      remove: call((ops, actor, input) => ops.trust.remove(actor, input)),
    },
    documents: {
      sign: call((ops, actor, input) => ops.sign(actor, input)),
      savePlan: call((ops, actor, input) => ops.savePlan(actor, input)),
      save: call((ops, actor, input) => ops.save(actor, input)),
      overlayPlan: call((ops, actor, input) => ops.overlayPlan(actor, input)),
      printOverlay: call((ops, actor, input) => ops.printOverlay(actor, input)),
      printCalibration: call((ops, actor, input) => ops.printCalibration(actor, input)),
      verify: call((ops, actor, input) => ops.verify(actor, input)),
      preview: call((ops, actor, input) => ops.preview(actor, input)),
      list: call((ops, actor, input) => ops.list(actor, input)),
    },
  };
}
