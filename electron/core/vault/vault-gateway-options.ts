// What the vault gateway (vault-gateway.ts) is created with: the data folder, the settings it
// starts from, the costs only tests lower, and the hooks of main, the preview host and the tests.
import type { ValidationSettings } from '../../../shared/domain/validation-settings';
import type { ReviewProgress } from '../review/review-service';
import type { SubmissionDesk } from '../submission/submission-desk';
import type { BackupProgress } from './backup/backup-format';
import type { RekeyProgress } from './keys/rekey-vault';
import type { KdfCost } from './keys/passphrase-wrap';
import type { ScryptParams } from './repositories/password-hash';

export type VaultGatewayOptions = {
  dataDir: string;
  /** Lock after this long without a call (a setting; 15 minutes by default). */
  autoLockMinutes?: number;
  now?: () => Date;
  settings?: ValidationSettings;
  /** Only tests lower these; the defaults are never weakened. */
  kdf?: KdfCost;
  passwordHashing?: ScryptParams;
  onProgress?: (
    event:
      | ({ operation: 'backup' | 'restore' | 'audit' } & BackupProgress)
      | ({ operation: 'rekey' } & RekeyProgress)
      | ({ operation: 'review' } & ReviewProgress),
  ) => void;
  /** The folder with fonts/ for the certificate documents (document-operations.ts). */
  resourcesDir?: string;
  /** The bundled audit-verify-worker.mjs: a second thread verifies a large vault's chain. */
  auditWorkerFile?: string;
  /** Tests lower the HTTPS channel's per-attempt timeout; false turns background delivery off. */
  submissions?: { timeoutMs?: number; background?: boolean };
  /** Something unexpected in the background (delivery): logged by name, never shown. */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Called when a vault opens (create, unlock, key), before its first background delivery, and
   * again when first-run setup creates its first administrator (`firstAdministratorId`). Only
   * the preview host passes it, to point the vault at its demo intake (preview/demo-intake.ts);
   * the packaged app configures no recipient by itself. A failure is reported like a background
   * one and never stops the vault from opening.
   */
  afterOpen?: (opened: { desk: SubmissionDesk; firstAdministratorId: number | null }) => void;
  /** How often an open audit package's idle time is checked (package-idle-watch.ts); tests
   * shorten it. */
  packageIdleCheckMs?: number;
};
