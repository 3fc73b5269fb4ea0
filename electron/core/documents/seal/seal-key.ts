// The seal key: an ECDSA P-256 key pair of its own, separate from the PDF signing identity, so
// that the public half can be published (or printed in a partner's reviewer app) on its own and a
// change of signing certificate does not invalidate seals already printed.
import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

export type SealKey = {
  /** PKCS#8 DER; stored encrypted in the vault like the signing key. */
  privateKeyPkcs8Der: Buffer;
  /** SubjectPublicKeyInfo DER: all a verifier needs. */
  publicKeySpkiDer: Buffer;
};

export function generateSealKey(): SealKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPkcs8Der: privateKey.export({ type: 'pkcs8', format: 'der' }),
    publicKeySpkiDer: publicKey.export({ type: 'spki', format: 'der' }),
  };
}

export function sealPublicKeyPem(key: Pick<SealKey, 'publicKeySpkiDer'>): string {
  return sealPublicKey(key.publicKeySpkiDer).export({ type: 'spki', format: 'pem' }).toString();
}

function assertP256(key: KeyObject): KeyObject {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error('The seal key must be an ECDSA P-256 key.');
  return key;
}

/** Accepts SPKI as DER bytes or PEM text. */
export function sealPublicKey(spki: Uint8Array | string): KeyObject {
  return assertP256(
    typeof spki === 'string'
      ? createPublicKey(spki)
      : createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }),
  );
}

export function sealPrivateKey(pkcs8: Uint8Array | string): KeyObject {
  return assertP256(
    typeof pkcs8 === 'string'
      ? createPrivateKey(pkcs8)
      : createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }),
  );
}
