// The signing identity as the licensee sees it: a warning from 30 days before the certificate
// ends, and a refusal to sign with a certificate outside its validity.
import { describe, expect, it } from 'vitest';
import { isAppFailure } from '../../../electron/core/app-failure';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import {
  assertUsableNow,
  summarizeIdentity,
} from '../../../electron/core/vault/identity-operations';
import type { StoredIdentity } from '../../../electron/core/vault/repositories/identity-repository';

const issuedAt = new Date('2026-11-27T10:00:00Z');
const DAY = 86_400_000;
const stored: StoredIdentity = {
  id: 1,
  source: 'generated',
  // The summary never needs the private key (the vault keeps it wrapped under the signing KEK).
  wrappedPrivateKey: Buffer.alloc(0),
  identity: generateSigningIdentity({
    licenseeName: 'Hudson Rough Trading LLC',
    signerName: 'Jane Doe',
    keyType: 'ecdsa-p256',
    now: issuedAt,
    validityDays: 100,
  }),
  certificationRequestPem: null,
  signerName: 'Jane Doe',
  fingerprintSha256: '',
  createdAt: issuedAt.toISOString(),
  createdBy: 1,
};

function refusal(now: Date): string {
  try {
    assertUsableNow(stored.identity, now);
  } catch (error: unknown) {
    if (isAppFailure(error)) return `${error.error.code}: ${error.error.message}`;
    throw error;
  }
  return 'usable';
}

describe('the identity summary', () => {
  it('warns from 30 days before the certificate ends, not before', () => {
    const early = summarizeIdentity(stored, null, new Date(issuedAt.getTime() + 69 * DAY));
    expect(early).toMatchObject({ expiresWithin30Days: false, warning: null, selfSigned: true });
    const late = summarizeIdentity(stored, null, new Date(issuedAt.getTime() + 71 * DAY));
    expect(late.expiresWithin30Days).toBe(true);
    expect(late.warning).toEqual({ kind: 'expires-soon', daysLeft: 29 });
  });

  it('refuses to sign with a certificate that ended or has not started', () => {
    expect(refusal(new Date(issuedAt.getTime() + 99 * DAY))).toBe('usable');
    expect(refusal(new Date(issuedAt.getTime() + 101 * DAY))).toMatch(
      /^IDENTITY_INVALID: The signing certificate expired on 2027-03-07/,
    );
    expect(refusal(new Date(issuedAt.getTime() - DAY))).toMatch(
      /^IDENTITY_INVALID: .*valid only from/,
    );
  });
});
