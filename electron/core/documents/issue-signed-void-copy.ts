// The signed VOID copy: the certificate as it was, stamped VOID with the date and reason, sealed
// and signed like the issued document. It is the copy Census must receive immediately on voiding
// (31 CFR 592.301(a)(1)(v); 15 CFR 30.4(e)); the signature proves which licensee voided it and
// that nothing was changed since. The seal is kept: it binds the copy to the same record the
// issued certificate carried, and adds nothing a forger could not already read off the original.
// Same composition as issue-signed-certificate.ts, with the page's void variant.
import type { Certificate } from '../../../shared/domain/certificate';
import type {
  IssueSignedCertificateOptions,
  SignedCertificateDocument,
} from './issue-signed-certificate';
import { prepareCertificate, writePreparedCertificate } from './layout/render-certificate-pdf';
import type { VoidStamp } from './layout/void-stamp-items';
import { pdfFontResources } from './layout/write-certificate-pdf';
import { SEAL_INFO_KEY, assertSealText } from './seal/embed-seal-text';
import { signSeal } from './seal/seal-codec';
import { sealPrivateKey } from './seal/seal-key';
import { sealQrSymbol } from './seal/seal-qr-symbol';
import { cmsSignerOf, signatureFieldObjects, signPreparedPdf } from './signing/sign-pdf';

export type IssueSignedVoidCopyOptions = IssueSignedCertificateOptions & { voidStamp: VoidStamp };

export async function issueSignedVoidCopy(
  certificate: Certificate,
  options: IssueSignedVoidCopyOptions,
): Promise<SignedCertificateDocument> {
  const signer = cmsSignerOf(options.identity);
  const seal = signSeal(certificate, sealPrivateKey(options.sealKey.privateKeyPkcs8Der));
  assertSealText(seal);
  const signingTime = options.signingTime ?? new Date();
  const prepared = await prepareCertificate(certificate, {
    resourcesDir: options.resourcesDir,
    variant: 'void',
    voidStamp: options.voidStamp,
    sealQr: sealQrSymbol(seal),
    signatureBox: true,
    now: signingTime,
  });
  const { signatureRect } = prepared.page;
  if (signatureRect === null) throw new Error('The layout reserved no signature box.');
  const field = signatureFieldObjects({
    rect: signatureRect,
    signerName: options.signerName,
    licenseeName: options.licenseeName,
    certificateNumber: certificate.number,
    signingTime,
    font: prepared.files.regular,
    fonts: pdfFontResources(prepared.subsets),
  });
  const unsigned = writePreparedCertificate(prepared, field, ` /${SEAL_INFO_KEY} (${seal})`);
  return { pdf: signPreparedPdf(unsigned, signer), seal };
}
