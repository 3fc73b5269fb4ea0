// A KP record must verify for ten years (31 CFR 501.601), long after the signing certificate
// expires. With a moved clock: a B-LT certificate (signature time-stamp from a real RFC 3161 TSA
// on 127.0.0.1, the chain and the CA's CRL in the DSS) is TOTAL-PASSED after its signing
// certificate expired, because the time-stamp proves the signature existed while it was in force
// (ETSI EN 319 102-1 5.5); the same certificate at B-B is INDETERMINATE / OUT_OF_BOUNDS_NO_POE.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendSignature } from '../../../electron/core/documents/timestamp/extend-signature';
import type { PageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import { createPageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import type { VerifyPdfOptions } from '../../../electron/core/documents/verify/verify-pdf';
import { verifyPdf } from '../../../electron/core/documents/verify/verify-pdf';
import type { SignedFixture } from '../../unit/documents/signed-certificate-fixture';
import { resourcesDir, signedCertificate } from '../../unit/documents/signed-certificate-fixture';
import type { ShortLivedPki } from './short-lived-pki';
import { shortLivedPki } from './short-lived-pki';

const run = promisify(execFile);
const DAY_MS = 86_400_000;

let pki: ShortLivedPki;
let fixture: SignedFixture;
let bLt: Buffer;
let pageBinding: PageBindingChecker;
let dir = '';

beforeAll(async () => {
  pki = await shortLivedPki({ validityDays: 1 });
  fixture = await signedCertificate('ecdsa-p256', pki.identity);
  const extended = await extendSignature(Buffer.from(fixture.pdf), { tsaUrl: pki.tsa.url });
  expect(extended.level, extended.note).toBe('B-LT');
  bLt = extended.pdf;
  pageBinding = await createPageBindingChecker(resourcesDir);
  dir = await mkdtemp(join(tmpdir(), 'kp-ltv-'));
});
afterAll(async () => {
  await pki.close();
  await rm(dir, { recursive: true, force: true });
});

const at = (now: Date): VerifyPdfOptions => ({
  sealPublicKey: fixture.sealKey.publicKeySpkiDer,
  trustAnchorsDer: [pki.anchorDer],
  pageBinding,
  now,
});

describe('long-term validation (PAdES B-LT) with a moved clock', () => {
  it('today: B-LT is TOTAL-PASSED; B-B lacks the CRL its certificate names (TRY_LATER)', () => {
    const today = new Date();
    const long = verifyPdf(bLt, at(today));
    expect(long.level).toBe('B-LT');
    expect(long.timestamp.status).toBe('verified');
    expect(long.revocation.status).toBe('not revoked');
    expect(long.modifiedAfterSigning.status).toBe('validation data only');
    expect(long.indication, long.summary).toBe('TOTAL-PASSED');
    const basic = verifyPdf(fixture.pdf, at(today));
    expect(basic.level).toBe('B-B');
    expect(basic.indication).toBe('INDETERMINATE');
    expect(basic.subIndication).toBe('TRY_LATER');
  });

  it('after the signing certificate expired: B-LT still TOTAL-PASSED, B-B OUT_OF_BOUNDS_NO_POE', () => {
    const later = new Date(pki.notAfter.getTime() + 3 * DAY_MS);
    const long = verifyPdf(bLt, at(later));
    expect(long.indication, long.summary).toBe('TOTAL-PASSED');
    expect(long.verdict).toBe('VALID');
    expect(Date.parse(long.timestamp.time ?? '')).toBeLessThan(pki.notAfter.getTime());
    const basic = verifyPdf(fixture.pdf, at(later));
    expect(basic.indication).toBe('INDETERMINATE');
    expect(basic.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
    expect(basic.summary).not.toMatch(/\bvalid\b|genuine/i);
  });

  it('the B-LT file stays a clean, signed PDF for the outside tools', async () => {
    const path = join(dir, 'b-lt.pdf');
    await writeFile(path, bLt);
    const { stdout } = await run('pdfsig', [path]);
    expect(stdout).toContain('Signature is Valid');
    const check = await run('qpdf', ['--check', path]);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('a CA-issued signer sent without its CA: INDETERMINATE (no chain), not a format failure', async () => {
    const [leaf] = pki.identity.certificateChainDer;
    const alone = await signedCertificate('ecdsa-p256', {
      ...pki.identity,
      certificateChainDer: leaf === undefined ? [] : [leaf],
    });
    const result = verifyPdf(alone.pdf, {
      ...at(new Date()),
      sealPublicKey: alone.sealKey.publicKeySpkiDer,
      trustAnchorsDer: [],
    });
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    // With its CA as the anchor, the chain is found (revocation still needs the CA's CRL: B-B).
    const anchored = verifyPdf(alone.pdf, {
      ...at(new Date()),
      sealPublicKey: alone.sealKey.publicKeySpkiDer,
    });
    expect(anchored.chain.status).toBe('trusted');
  });

  it('a B-LT file with a page object changed in a later revision is TOTAL-FAILED', () => {
    const update = Buffer.from(
      `\n13 0 obj\n<< /Type /Page >>\nendobj\nxref\n0 1\n0000000000 65535 f \n13 1\n${String(bLt.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 40 /Prev 0 >>\nstartxref\n${String(bLt.length + 38)}\n%%EOF\n`,
      'latin1',
    );
    const result = verifyPdf(Buffer.concat([bLt, update]), at(new Date()));
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.modifiedAfterSigning.status).toBe('yes');
  });
});
