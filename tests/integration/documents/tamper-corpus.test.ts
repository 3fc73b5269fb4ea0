// The tamper corpus of issue 11: forgeries built from a real issued certificate (forgeries.ts),
// each with the outcome our verifier must give (ETSI EN 319 102-1 indication, sub-indication,
// verdict) and, where pdfsig has a view, pdfsig's words. No forgery may come out VALID.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import { createPageBindingChecker } from '../../../electron/core/documents/verify/check-page-binding';
import { certificatePdfPrefix } from '../../../electron/core/documents/layout/write-certificate-pdf';
import type { VerifyPdfOptions } from '../../../electron/core/documents/verify/verify-pdf';
import type { DocumentFonts } from '../../../electron/core/documents/write-certificate-document';
import { loadDocumentFonts } from '../../../electron/core/documents/write-certificate-document';
import { pageWithChangedValues } from '../../unit/documents/forged-documents';
import { verifyPdf } from '../../../electron/core/documents/verify/verify-pdf';
import type { SignedFixture } from '../../unit/documents/signed-certificate-fixture';
import {
  appendIncrementalUpdate,
  resourcesDir,
  signedCertificate,
} from '../../unit/documents/signed-certificate-fixture';
import {
  byteRangeOf,
  changePadding,
  cloneSigner,
  flipByte,
  resign,
  resignWithForgePkcs7,
  resignWithSigningTime,
} from './forgeries';

const run = promisify(execFile);
let fixture: SignedFixture;
let dir = '';
let pageBinding: PageBindingChecker;
let fonts: DocumentFonts;

beforeAll(async () => {
  fixture = await signedCertificate('rsa-2048');
  dir = await mkdtemp(join(tmpdir(), 'kp-tamper-'));
  pageBinding = await createPageBindingChecker(resourcesDir);
  fonts = await loadDocumentFonts(resourcesDir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a verifier that knows the genuine issuer is given: its certificate and seal key, and
 * the certificate fonts to write the page again, and (as the vault's verifier has it) the bytes
 * every certificate starts with and their SHA-256 state, so that each forgery is also checked
 * with the digests continued from that state (a flipped bit inside them included). */
const genuineIssuer = (): VerifyPdfOptions => ({
  sealPublicKey: fixture.sealKey.publicKeySpkiDer,
  trustAnchorsDer: fixture.identity.certificateChainDer,
  pageBinding,
  knownPrefix: certificatePdfPrefix(fonts.subsets),
});

async function pdfsig(name: string, pdf: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, pdf);
  // pdfsig exits 0 whatever it finds: its words are what count.
  const { stdout } = await run('pdfsig', [path]);
  return stdout;
}

describe('forgeries of an issued certificate', () => {
  it('(the genuine file itself is VALID, so every refusal below is the forgery’s doing)', async () => {
    // The genuine file starts with the known prefix: the digests continue from its state.
    const prefix = certificatePdfPrefix(fonts.subsets).bytes;
    expect(fixture.pdf.subarray(0, prefix.length).equals(prefix)).toBe(true);
    const result = verifyPdf(fixture.pdf, genuineIssuer());
    expect(result.verdict).toBe('VALID');
    expect(result.indication).toBe('TOTAL-PASSED');
    expect(result.pageBinding.status).toBe('bound');
    const words = await pdfsig('genuine.pdf', fixture.pdf);
    expect(words).toContain('Signature is Valid');
    expect(words).toContain('Total document signed');
  });

  it('carats changed on the page, the seal kept, re-signed with a cloned certificate: HASH_FAILURE', async () => {
    const shown = {
      ...fixture.certificate,
      caratHundredths: fixture.certificate.caratHundredths + 1,
    };
    const page = pageWithChangedValues(fixture.recipe, fixture.seal, shown, fonts);
    const clone = cloneSigner(fixture.identity.certificateChainDer[0] ?? Buffer.alloc(0));
    for (const [name, forged] of [
      ['cloned signer', resign(page, clone)],
      // Even the genuine signing key cannot make another page pass for the sealed one.
      ['genuine signer', resign(page, fixture.identity)],
    ] as const) {
      const result = verifyPdf(forged, genuineIssuer());
      expect(result.integrity.status, name).toBe('intact');
      expect(result.seal.status, name).toBe('verified');
      expect(result.pageBinding.status, name).toBe('differs');
      expect(result.indication, name).toBe('TOTAL-FAILED');
      expect(result.subIndication, name).toBe('HASH_FAILURE');
      expect(result.summary, name).not.toMatch(/\bvalid\b|genuine/i);
      // pdfsig checks the signature, which holds: only our page binding sees the change.
      expect(await pdfsig(`carats-${name}.pdf`, forged)).toContain('Signature is Valid');
    }
  });

  it('re-signed with a cloned certificate (same name and serial, another key): not trusted', async () => {
    const clone = cloneSigner(fixture.identity.certificateChainDer[0] ?? Buffer.alloc(0));
    const forged = resign(fixture.pdf, clone);
    const result = verifyPdf(forged, genuineIssuer());
    expect(result.integrity.status).toBe('intact');
    expect(result.signer.serialNumber).toBe(verifyPdf(fixture.pdf).signer.serialNumber);
    expect(result.chain.status).toBe('untrusted');
    expect(result.indication).toBe('INDETERMINATE');
    expect(result.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(result.verdict).not.toBe('VALID');
    expect(result.summary).not.toMatch(/\bvalid\b|genuine/i);
    // pdfsig: the signature verifies, the certificate is not trusted.
    const words = await pdfsig('cloned.pdf', forged);
    expect(words).toContain('Signature is Valid');
    expect(words).not.toContain('Certificate is Trusted');
  });

  it('with a signing-time attribute (forbidden in PAdES): TOTAL-FAILED / FORMAT_FAILURE', async () => {
    const forged = resignWithSigningTime(fixture.pdf, fixture.identity);
    const result = verifyPdf(forged, genuineIssuer());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.integrity.message).toContain('signing-time');
    // pdfsig checks only the cryptography, which holds: the profile is our verifier's to enforce.
    expect(await pdfsig('signing-time.pdf', forged)).toContain('Signature is Valid');
  });

  it('re-signed by another tool (forge PKCS#7, not the PAdES profile): TOTAL-FAILED', async () => {
    const forged = resignWithForgePkcs7(fixture.pdf, fixture.identity);
    const result = verifyPdf(forged, genuineIssuer());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(await pdfsig('forge.pdf', forged)).toContain('Signature is Valid');
  });

  it('with bytes changed in the zero padding of /Contents: TOTAL-FAILED / FORMAT_FAILURE', () => {
    const forged = changePadding(fixture.pdf);
    expect(forged.equals(fixture.pdf)).toBe(false);
    const result = verifyPdf(forged, genuineIssuer());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.subIndication).toBe('FORMAT_FAILURE');
    expect(result.integrity.message).toContain('zeros');
  });

  it('with an incremental update after signing: TOTAL-FAILED, and pdfsig says not total', async () => {
    const forged = appendIncrementalUpdate(fixture.pdf);
    const result = verifyPdf(forged, genuineIssuer());
    expect(result.indication).toBe('TOTAL-FAILED');
    expect(result.modifiedAfterSigning.status).toBe('yes');
    expect(await pdfsig('update.pdf', forged)).toContain('Not total document signed');
  });

  it('truncated anywhere: never VALID', () => {
    for (const keep of [fixture.pdf.length - 1, fixture.pdf.length - 40, 5000, 400, 10]) {
      const result = verifyPdf(fixture.pdf.subarray(0, keep), genuineIssuer());
      expect(result.indication, `kept ${String(keep)} bytes`).toBe('TOTAL-FAILED');
    }
  });

  it('one bit flipped anywhere in the file (signed bytes, CMS, padding): never VALID', () => {
    const [, b, c] = byteRangeOf(fixture.pdf);
    const positions = Array.from({ length: 400 }, (_, i) =>
      Math.floor(((i + 0.5) * fixture.pdf.length) / 400),
    );
    positions.push(b + 5, c - 3, c + 2);
    for (const at of positions) {
      const result = verifyPdf(flipByte(fixture.pdf, at), genuineIssuer());
      expect(result.verdict, `byte ${String(at)}`).not.toBe('VALID');
      expect(result.indication, `byte ${String(at)}`).not.toBe('TOTAL-PASSED');
    }
  });
});
