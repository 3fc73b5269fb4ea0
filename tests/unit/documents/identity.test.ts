// Signing identities: generated ones describe themselves truthfully (self-signed, dates,
// fingerprint), a PKCS#12 opens only with its password, and damaged identities are refused.
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../electron/core/app-failure';
import {
  describeIdentity,
  expiresWithinDays,
} from '../../../electron/core/documents/signing/describe-identity';
import {
  generateSigningIdentity,
  importPkcs12,
  openIdentity,
  toPem,
} from '../../../electron/core/documents/signing/identity';

const now = new Date('2026-11-27T12:00:00Z');
const DAY = 86_400_000;

function failureOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isAppFailure(error)) return error.error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe.each(['ecdsa-p256', 'rsa-3072', 'rsa-2048'] as const)(
  'a generated %s identity',
  (keyType) => {
    const identity = generateSigningIdentity({
      licenseeName: 'Łódź Diament Sp. z o.o.',
      signerName: 'Anna Kowalska',
      keyType,
      now,
    });

    it('is self-signed, names the licensee and signer, and is valid for two years', () => {
      const described = describeIdentity(identity, now);
      expect(described.subject).toBe('C=US, O=Łódź Diament Sp. z o.o., CN=Anna Kowalska');
      expect(described.issuer).toBe(described.subject);
      expect(described.selfSigned).toBe(true);
      expect(described.keyType).toBe(keyType === 'ecdsa-p256' ? 'ec' : 'rsa');
      expect(new Date(described.validTo).getTime() - now.getTime()).toBeGreaterThan(729 * DAY);
      expect(described.warning).toBeNull();
    });

    it('gives the SHA-256 fingerprint of the certificate DER', () => {
      const der = identity.certificateChainDer[0] ?? Buffer.alloc(0);
      const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
      expect(describeIdentity(identity, now).fingerprintSha256.replace(/:/g, '')).toBe(hex);
    });

    it('comes with a PKCS#10 request for the same key and subject', () => {
      expect(identity.certificationRequestPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
      // The request's SubjectPublicKeyInfo is the certificate's.
      const cert = new X509Certificate(identity.certificateChainDer[0] ?? Buffer.alloc(0));
      const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
      expect(identity.certificationRequestDer.includes(spki)).toBe(true);
    });

    it('warns 30 days before the certificate ends, and after', () => {
      const validTo = new Date(describeIdentity(identity, now).validTo).getTime();
      expect(describeIdentity(identity, new Date(validTo - 29 * DAY)).warning).toEqual({
        kind: 'expires-soon',
        daysLeft: 29,
      });
      expect(describeIdentity(identity, new Date(validTo - 31 * DAY)).warning).toBeNull();
      expect(describeIdentity(identity, new Date(validTo + DAY)).warning?.kind).toBe('expired');
      expect(expiresWithinDays(identity, 30, new Date(validTo - 29 * DAY))).toBe(true);
      expect(expiresWithinDays(identity, 30, now)).toBe(false);
    });
  },
);

describe('identity checks', () => {
  it('refuses an empty licensee name', () => {
    expect(failureOf(() => generateSigningIdentity({ licenseeName: '  ' })).code).toBe(
      'IDENTITY_INVALID',
    );
  });

  it('refuses a certificate that does not belong to the key', () => {
    const a = generateSigningIdentity({ licenseeName: 'A', keyType: 'ecdsa-p256' });
    const b = generateSigningIdentity({ licenseeName: 'B', keyType: 'ecdsa-p256' });
    const mixed = { ...a, certificateChainDer: b.certificateChainDer };
    expect(failureOf(() => openIdentity(mixed)).code).toBe('IDENTITY_INVALID');
  });
});

describe('PKCS#12 import', () => {
  // RSA: node-forge, which builds this PKCS#12 independently of our code, reads RSA keys only.
  const generated = generateSigningIdentity({
    licenseeName: 'Hudson Rough LLC',
    keyType: 'rsa-2048',
    now,
  });
  const keyPem = createPrivateKey({
    key: generated.privateKeyPkcs8Der,
    format: 'der',
    type: 'pkcs8',
  }).export({ type: 'pkcs8', format: 'pem' });
  const certPem = toPem('CERTIFICATE', generated.certificateChainDer[0] ?? Buffer.alloc(0));
  const p12 = Buffer.from(
    forge.asn1
      .toDer(
        forge.pkcs12.toPkcs12Asn1(
          forge.pki.privateKeyFromPem(keyPem.toString()),
          [forge.pki.certificateFromPem(certPem)],
          'correct horse',
          { algorithm: '3des' },
        ),
      )
      .getBytes(),
    'binary',
  );

  it('opens with the right password and gives the same key and certificate', () => {
    const imported = importPkcs12(p12, 'correct horse');
    expect(imported.certificateChainDer).toEqual(generated.certificateChainDer);
    expect(describeIdentity(imported, now).fingerprintSha256).toBe(
      describeIdentity(generated, now).fingerprintSha256,
    );
  });

  it('refuses a wrong password with IDENTITY_INVALID and says so', () => {
    const failure = failureOf(() => importPkcs12(p12, 'wrong'));
    expect(failure.code).toBe('IDENTITY_INVALID');
    expect(failure.message).toMatch(/password/i);
  });

  it('refuses a file that is not a PKCS#12', () => {
    const failure = failureOf(() => importPkcs12(Buffer.from('not a p12 file'), 'x'));
    expect(failure.code).toBe('IDENTITY_INVALID');
    expect(failure.message).toMatch(/not a PKCS#12/);
  });
});
