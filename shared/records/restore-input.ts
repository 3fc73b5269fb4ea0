// What vault:restore takes (the file itself comes from main's open dialog, never from here):
// the secret that opens the backup; the proof of the right to replace the current vault when no
// administrator is signed in (by default the backup's secret is tried against it); and the two
// confirmations a restore may need, each typed as shown (electron/core/vault/backup/
// restore-guard.ts): the id of the vault replaced by another vault's backup, and the number of
// audit events an older backup drops.
import { z } from 'zod';

const passphrase = z.string().min(1).max(1024);
const recoveryKey = z.string().min(1).max(200);

/** The fields, for a schema that adds its own (the core adds main's file path). */
export const restoreInputShape = {
  passphrase: passphrase.optional(),
  recoveryKey: recoveryKey.optional(),
  currentPassphrase: passphrase.optional(),
  currentRecoveryKey: recoveryKey.optional(),
  replaceOtherVault: z.string().min(1).max(200).optional(),
  dropEvents: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
};

type Secrets = {
  passphrase?: string | undefined;
  recoveryKey?: string | undefined;
  currentPassphrase?: string | undefined;
  currentRecoveryKey?: string | undefined;
};

/** One secret for the backup; at most one proof for the current vault. */
export function checkRestoreSecrets(input: Secrets, ctx: z.RefinementCtx): void {
  if ((input.passphrase === undefined) === (input.recoveryKey === undefined))
    ctx.addIssue({
      code: 'custom',
      message: "give the backup's passphrase or its recovery key (one of them)",
      path: ['passphrase'],
    });
  if (input.currentPassphrase !== undefined && input.currentRecoveryKey !== undefined)
    ctx.addIssue({
      code: 'custom',
      message: "give the current vault's passphrase or its recovery key, not both",
      path: ['currentPassphrase'],
    });
}

export const RestoreInputSchema = z
  .object(restoreInputShape)
  .strict()
  .superRefine(checkRestoreSecrets);

export type RestoreInput = z.output<typeof RestoreInputSchema>;
