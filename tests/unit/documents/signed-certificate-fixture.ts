// Signed, sealed certificates for the verifier and signing tests, made by the real code path
// (layout, seal, PAdES signature) from the valid draft of the domain tests.
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Certificate } from '../../../shared/domain/certificate';
import { readCertificate } from '../../../shared/domain/certificate';
import { issueSignedCertificate } from '../../../electron/core/documents/issue-signed-certificate';
import type { DocumentRecipe } from '../../../electron/core/documents/recipe/document-recipe';
import type { SealKey } from '../../../electron/core/documents/seal/seal-key';
import { generateSealKey } from '../../../electron/core/documents/seal/seal-key';
import type {
  SigningIdentity,
  SigningKeyType,
} from '../../../electron/core/documents/signing/identity';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import { issueContext, validDraft } from '../domain/certificate-fixtures';

export const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));

export type SignedFixture = {
  pdf: Buffer;
  seal: string;
  certificate: Certificate;
  identity: SigningIdentity;
  sealKey: SealKey;
  /** What the writer read: the page binding writes the page again from it. */
  recipe: DocumentRecipe;
};

export function validCertificate(): Certificate {
  const { certificate, report } = readCertificate(validDraft(), issueContext);
  if (certificate === null) throw new Error(`valid draft has errors: ${JSON.stringify(report)}`);
  return certificate;
}

export async function signedCertificate(
  keyType: SigningKeyType = 'ecdsa-p256',
  identity: SigningIdentity = generateSigningIdentity({
    licenseeName: 'Hudson Rough Trading LLC',
    signerName: 'Jane Doe',
    keyType,
  }),
): Promise<SignedFixture> {
  const certificate = validCertificate();
  const sealKey = generateSealKey();
  const { pdf, seal, recipe } = await issueSignedCertificate(certificate, {
    identity,
    sealKey,
    signerName: 'Jane Doe',
    licenseeName: 'Hudson Rough Trading LLC',
    resourcesDir,
  });
  return { pdf, seal, certificate, identity, sealKey, recipe };
}

/** A one-page PDF that is not a certificate (no signature, no seal). */
export async function plainPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([612, 792]).drawText('Quarterly report', { x: 72, y: 700, size: 18, font });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** A valid incremental update appended to `pdf` (a new Info dictionary), as an editor would. */
export function appendIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const root = /\/Root (\d+ \d+ R)/.exec(text)?.[1] ?? '1 0 R';
  const size = Number(/\/Size (\d+)/.exec(text)?.[1] ?? '100');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? '0');
  const objectAt = pdf.length + 1;
  const object = `\n${size} 0 obj\n<< /Subject (US99999) >>\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const update =
    object +
    `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
