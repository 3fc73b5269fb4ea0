// The protection of the signing and seal private keys (issue 13, part 3; docs/security.md):
// what the app, the CLI and the core say about it, and the inputs that change it. Secrets travel
// only inward (renderer or CLI to the vault's process), never back out.
import { z } from 'zod';

const secret = z.string().min(1).max(1024);

export const SigningKeysStatusSchema = z
  .object({
    /** none: no keys yet; pending: wrapped, but no administrator has set a signing secret
     * (signing is refused); protected: at least one signing secret holds the keys. */
    state: z.enum(['none', 'pending', 'protected']),
    /** Whether signing works now, in this session. */
    canSign: z.boolean(),
    /** How the keys were opened in this session, if they were. */
    openedBy: z.enum(['secret', 'workstation', 'created']).nullable(),
    /** The signed-in administrator has a signing secret of their own. */
    yourSecretSet: z.boolean(),
    /** Usernames of the administrators who hold a signing secret. */
    administratorsWithSecret: z.array(z.string()),
    /** Computers opened for signing (their keychain holds a key to the signing keys). */
    workstations: z.array(
      z
        .object({
          workstationId: z.string(),
          openedAt: z.string(),
          openedBy: z.string().nullable(),
        })
        .strict(),
    ),
    /** In the licensee's words: what signing needs now. */
    message: z.string(),
  })
  .strict();
export type SigningKeysStatus = z.infer<typeof SigningKeysStatusSchema>;

/** Set one's own signing secret (first time: no currentSecret) or change it (currentSecret). */
export const SetSigningSecretSchema = z
  .object({ secret, currentSecret: secret.optional() })
  .strict();

/** Opens the signing keys for this session with one's signing secret. */
export const UnlockSigningSchema = z.object({ secret }).strict();

/**
 * Opens this computer for signing: its OS keychain then holds a key to the signing keys. Without
 * a secret only while no administrator has one and the keys are still pending (a new identity,
 * or the upgrade of migration 0210): the one-person dealer's first run (docs/security.md).
 */
export const OpenWorkstationSchema = z.object({ secret: secret.optional() }).strict();

/** Closes this computer for signing, or every computer ('all', e.g. when a laptop is lost). */
export const CloseWorkstationSchema = z.object({ which: z.enum(['this', 'all']) }).strict();

/** Escrow export: the administrator's signing secret, and the passphrase of the file written. */
export const ExportEscrowSchema = z.object({ secret, exportPassphrase: secret }).strict();

const noInput = z.object({}).strict();

/** The escrow file written (its path chosen in main's save dialog), or a cancelled dialog. */
export const EscrowExportedSchema = z.union([
  z
    .object({
      cancelled: z.literal(false),
      fileName: z.string(),
      identityFingerprintSha256: z.string(),
      sealKey: z.boolean(),
    })
    .strict(),
  z.object({ cancelled: z.literal(true) }).strict(),
]);

export const signingKeysContract = {
  'identity:signingKeys': { input: noInput, output: SigningKeysStatusSchema },
  'identity:setSigningSecret': { input: SetSigningSecretSchema, output: SigningKeysStatusSchema },
  'identity:unlockSigning': { input: UnlockSigningSchema, output: SigningKeysStatusSchema },
  'identity:openWorkstation': { input: OpenWorkstationSchema, output: SigningKeysStatusSchema },
  'identity:closeWorkstation': { input: CloseWorkstationSchema, output: SigningKeysStatusSchema },
  'identity:exportEscrow': { input: ExportEscrowSchema, output: EscrowExportedSchema },
} as const;
