// The signer may continue the SHA-256 of the file from the hash state of its constant prefix
// (header, fonts, ICC profile) instead of hashing those ~230 KB again. RSA PKCS#1 v1.5 signatures
// are deterministic, so the same prepared file signed with the prefix, without it, or with a
// prefix that is not the file's must give the very same bytes: the shortcut never changes what
// is signed.
import { describe, expect, it } from 'vitest';
import {
  prepareCertificate,
  writePreparedCertificate,
} from '../../../electron/core/documents/layout/render-certificate-pdf';
import { PdfWriter } from '../../../electron/core/documents/layout/pdf-writer';
import {
  certificatePdfPrefix,
  pdfFontResources,
} from '../../../electron/core/documents/layout/write-certificate-pdf';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import {
  cmsSignerOf,
  signatureFieldObjects,
  signPreparedPdf,
} from '../../../electron/core/documents/signing/sign-pdf';
import { resourcesDir, validCertificate } from './signed-certificate-fixture';

describe('signing with the prefix hash state', () => {
  it('gives the same signed bytes as hashing the whole file, and ignores a prefix of another file', async () => {
    const certificate = validCertificate();
    const signingTime = new Date('2026-11-27T15:30:00Z');
    const prepared = await prepareCertificate(certificate, {
      resourcesDir,
      variant: 'issued',
      signatureBox: true,
      now: signingTime,
    });
    const rect = prepared.page.signatureRect;
    if (rect === null) throw new Error('no signature box');
    const field = signatureFieldObjects({
      rect,
      signerName: 'Jane Doe',
      licenseeName: 'Hudson Rough Trading LLC',
      certificateNumber: certificate.number,
      signingTime,
      font: prepared.files.regular,
      fonts: pdfFontResources(prepared.subsets),
    });
    const unsigned = writePreparedCertificate(prepared, field);
    const signer = cmsSignerOf(
      generateSigningIdentity({ licenseeName: 'Hudson Rough Trading LLC', keyType: 'rsa-2048' }),
    );
    const prefix = certificatePdfPrefix(prepared.subsets);
    expect(unsigned.subarray(0, prefix.bytes.length).equals(prefix.bytes)).toBe(true);

    const withPrefix = signPreparedPdf(Buffer.from(unsigned), signer, prefix);
    const whole = signPreparedPdf(Buffer.from(unsigned), signer);
    const otherWriter = new PdfWriter();
    otherWriter.object(1, '<</Type /Catalog>>');
    const foreign = signPreparedPdf(Buffer.from(unsigned), signer, otherWriter.prefix());
    expect(withPrefix.equals(whole)).toBe(true);
    expect(foreign.equals(whole)).toBe(true);
    expect(withPrefix.equals(unsigned)).toBe(false); // it was signed
  });
});
