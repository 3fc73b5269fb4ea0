// Replacing signing keys that can no longer be opened (issue 13, part 3 follow-up;
// docs/security.md): when no wrap of the signing KEK opens here (the computer opened for signing
// was replaced or its keychain lost, every signing secret forgotten), an administrator makes a
// new signing identity and seal key. Documents signed before stay verifiable: the old identity's
// certificate and seal key are kept as history (31 CFR 501.601, ten-year retention).
import { z } from 'zod';
import { personText } from '../records/person-text';
import { IdentitySummarySchema } from './documents-contract';
import { SigningKeysStatusSchema } from './signing-keys-contract';

export const REPLACEMENT_REASON_MAX = 1000;

export const ReplaceSigningKeysSchema = z
  .object({
    /** Why the keys cannot be opened any more; kept in the record with the replacement. */
    reason: personText('lines', 'reason')
      .trim()
      .min(10, 'Say in a few words why the signing keys cannot be opened (at least 10 characters).')
      .max(
        REPLACEMENT_REASON_MAX,
        `The reason has at most ${String(REPLACEMENT_REASON_MAX)} characters.`,
      ),
    /** The new identity's signer (its CN); by default the signer of the identity it replaces. */
    signerName: personText('name', 'signer’s name')
      .trim()
      .min(1, 'Enter the signer’s name.')
      .max(100, 'The signer’s name has at most 100 characters.')
      .optional(),
    keyType: z.enum(['ecdsa-p256', 'rsa-3072', 'rsa-2048']).default('ecdsa-p256'),
    /** The administrator confirmed what happens (the dialog, or the CLI's --reason). */
    confirm: z.literal(true, {
      error:
        'Confirm that the signing keys are replaced: new certificates will be signed by a new identity.',
    }),
  })
  .strict();

export const SigningKeysReplacedSchema = z
  .object({
    identity: IdentitySummarySchema,
    certificationRequestPem: z.string(),
    /** The identity that signed until now (kept, so its documents stay verifiable). */
    retiredFingerprintSha256: z.string(),
    /** Signing secrets and opened computers of the old keys that were erased. */
    erasedWraps: z.number().int().nonnegative(),
    signingKeys: SigningKeysStatusSchema,
  })
  .strict();
export type SigningKeysReplaced = z.infer<typeof SigningKeysReplacedSchema>;

export const signingKeysReplacementContract = {
  'identity:replaceKeys': { input: ReplaceSigningKeysSchema, output: SigningKeysReplacedSchema },
} as const;
