// The usage read from a certificate's extensions, and the judgement "fit for signing documents"
// that the import of a CA-issued certificate applies (import-issued-certificate.ts).
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  certificateUsage,
  signingUnfitness,
} from '../../../electron/core/documents/signing/certificate-usage';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';

describe('a generated certificate', () => {
  const identity = generateSigningIdentity({ licenseeName: 'Hudson Rough Trading LLC' });
  const der = identity.certificateChainDer[0] ?? Buffer.alloc(0);

  it('is ECDSA P-256 by default', () => {
    const key = new X509Certificate(der).publicKey;
    expect(key.asymmetricKeyType).toBe('ec');
    expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('allows signing only, for document signing (RFC 9336 and Microsoft’s purpose)', () => {
    const usage = certificateUsage(der);
    expect(usage).toEqual({
      keyUsage: { digitalSignature: true, nonRepudiation: true, keyCertSign: false },
      extendedKeyUsage: ['1.3.6.1.5.5.7.3.36', '1.3.6.1.4.1.311.10.3.12'],
      isCa: false,
    });
    // Node reads the same extended key usage.
    expect(new X509Certificate(der).keyUsage).toEqual(usage.extendedKeyUsage);
    expect(signingUnfitness(usage)).toBeNull();
  });
});

describe('fitness for signing', () => {
  const signing = { digitalSignature: true, nonRepudiation: false, keyCertSign: false };
  it('accepts no extensions at all, non-repudiation alone, and the e-mail or any purpose', () => {
    expect(signingUnfitness({ keyUsage: null, extendedKeyUsage: null, isCa: false })).toBeNull();
    expect(
      signingUnfitness({
        keyUsage: { digitalSignature: false, nonRepudiation: true, keyCertSign: false },
        extendedKeyUsage: ['1.3.6.1.5.5.7.3.4'],
        isCa: false,
      }),
    ).toBeNull();
    expect(
      signingUnfitness({ keyUsage: signing, extendedKeyUsage: ['2.5.29.37.0'], isCa: false }),
    ).toBeNull();
  });

  it('refuses a CA certificate, a key not for signatures, and a server certificate', () => {
    expect(signingUnfitness({ keyUsage: null, extendedKeyUsage: null, isCa: true })).toMatch(
      /certification authority’s certificate/,
    );
    expect(
      signingUnfitness({
        keyUsage: { digitalSignature: false, nonRepudiation: false, keyCertSign: true },
        extendedKeyUsage: null,
        isCa: false,
      }),
    ).toMatch(/key usage does not allow signing/);
    expect(
      signingUnfitness({
        keyUsage: signing,
        extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
        isCa: false,
      }),
    ).toMatch(/extended key usage does not include document signing/);
  });
});
