// The signing identity and the seal key opened ONCE for a run of documents (issue 15, bulk issue):
// found, checked and unwrapped from the vault (AES-256-GCM under the signing KEK,
// private-key-envelope.ts) at the start, used for every document of the run, and overwritten
// with zeros by close(). Opening them per document cost a 1,000-row batch two unwraps, two key
// parses, a certificate parse and a key/certificate match per row (bench/issue-batch-bench.ts):
// about a tenth of its time. The signer objects stay the same for the whole run, so the parsed
// keys (sign-pdf.ts cmsSignerOf, issue-signed-certificate.ts sealKeyOf) are made once too.
// A single signature opens a session of one document and closes it at once (document-operations).
import type { SigningIdentity } from '../documents/signing/identity';
import { certificateDates } from '../documents/signing/describe-identity';
import { leafCertificate } from '../documents/signing/identity';
import { AppFailure } from '../app-failure';
import { assertValidityCovers } from '../vault/identity-operations';
import type { IdentityRepository } from '../vault/repositories/identity-repository';
import type { SigningKeyring } from './signing-keyring';

export type SigningSession = {
  /** The signing key (plain PKCS#8, in this process only) and its certificate chain. */
  readonly identity: SigningIdentity;
  readonly sealKey: { readonly privateKeyPkcs8Der: Buffer };
  /** The authorised signatory recorded with the identity. */
  readonly signerName: string;
  /** Refuses a signing time outside the certificate's validity (IDENTITY_INVALID). */
  assertUsableAt: (signingTime: Date) => void;
  /** Zeroes the plain keys; the session refuses to be used afterwards. Idempotent. */
  close: () => void;
};

const NO_IDENTITY =
  'There is no signing identity yet. An administrator must generate or import one first.';

/**
 * Opens the active identity and seal key. Refuses, in this order, as a single signature always
 * did: no identity (IDENTITY_INVALID), a certificate not valid `now` (IDENTITY_INVALID), keys
 * not opened in this session (SIGNING_LOCKED, from the keyring).
 */
export function openSigningSession(context: {
  identities: IdentityRepository;
  keyring: SigningKeyring;
  now: () => Date;
}): SigningSession {
  const stored = context.identities.active();
  const seal = context.identities.activeSealKey();
  if (stored === null || seal === null) throw new AppFailure('IDENTITY_INVALID', NO_IDENTITY);
  const validity = certificateDates(leafCertificate(stored.identity));
  assertValidityCovers(validity, context.now());
  const privateKeyPkcs8Der = context.keyring.openForSigning(
    stored.wrappedPrivateKey,
    'signing_identity',
  );
  let sealPkcs8Der: Buffer;
  try {
    sealPkcs8Der = context.keyring.openForSigning(seal.wrappedPrivateKey, 'seal_key');
  } catch (error: unknown) {
    privateKeyPkcs8Der.fill(0);
    throw error;
  }
  let open = true;
  const mustBeOpen = (): void => {
    // A closed session holds zeros, not keys: signing with it must fail loudly, never quietly.
    if (!open) throw new Error('signing session used after close');
  };
  return {
    identity: {
      privateKeyPkcs8Der,
      certificateChainDer: stored.identity.certificateChainDer,
    },
    sealKey: { privateKeyPkcs8Der: sealPkcs8Der },
    signerName: stored.signerName,
    assertUsableAt: (signingTime) => {
      mustBeOpen();
      assertValidityCovers(validity, signingTime);
    },
    close: () => {
      if (!open) return;
      open = false;
      privateKeyPkcs8Der.fill(0);
      sealPkcs8Der.fill(0);
    },
  };
}
