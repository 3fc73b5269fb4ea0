// The vault gateway's `auditPackage` group (auditPackage:export): as the signed-in user over the
// open vault (where the signing key is); the role is checked before main's save dialog opens
// (no dialog for a call that would be refused), and again by exportAuditPackage.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AuditPackageExportRequestSchema } from '../../../shared/ipc/audit-package-contract';
import type { Actor } from '../issuance/actor';
import { authorize } from '../issuance/actor';
import { checkPassphrase } from '../vault/keys/passphrase-wrap';
import { parseInput } from '../vault/repositories/parse-input';
import { createUserRepository } from '../vault/repositories/user-repository';
import {
  AUDIT_PACKAGE_EXPORTERS,
  exportAuditPackage,
  requireSigningIdentity,
} from './export-audit-package';

export type AuditPackageGatewayOptions = {
  session: () => { db: Database; actor: Actor };
  now: () => Date;
  vaultId: () => string | null;
  /** The signing keyring's openForSigning of the open connection (SIGNING_LOCKED when closed). */
  openSigningKey: (wrappedPrivateKey: Buffer) => Buffer;
  /** The sealing thread's bundle (package-seal-thread.ts), where the app ships one. */
  sealWorkerFile?: string;
};

const ExportFileSchema = AuditPackageExportRequestSchema.extend({
  path: z.string().min(1).max(4096),
}).strict();

export function auditPackageGatewayGroup(options: AuditPackageGatewayOptions) {
  return {
    /** Before the save dialog: the role and the passphrase's length; offers a file name. */
    exportPlan: (input: unknown): { defaultName: string } => {
      const { db, actor } = options.session();
      authorize(
        createUserRepository(db, options.now),
        actor,
        AUDIT_PACKAGE_EXPORTERS,
        'export an audit package',
      );
      const request = parseInput(AuditPackageExportRequestSchema, input);
      checkPassphrase(request.passphrase, 'passphrase');
      requireSigningIdentity(db, options.now);
      const day = options.now().toISOString().slice(0, 10);
      return { defaultName: `kpdesk-audit-package-${day}.kpdesk-audit` };
    },
    exportFile: async (input: unknown) => {
      const { path, passphrase, period } = parseInput(ExportFileSchema, input);
      const { db, actor } = options.session();
      const written = await exportAuditPackage(
        {
          db,
          vaultId: options.vaultId(),
          now: options.now,
          openSigningKey: options.openSigningKey,
          ...(options.sealWorkerFile === undefined
            ? {}
            : { sealWorkerFile: options.sealWorkerFile }),
        },
        path,
        { actor, passphrase, ...(period === undefined ? {} : { period }) },
      );
      return {
        path: written.path,
        bytes: written.bytes,
        sha256: written.sha256,
        headSeq: written.head.seq,
        headHash: written.head.hash,
        documents: written.documents,
        signer: written.signer,
      };
    },
  };
}
