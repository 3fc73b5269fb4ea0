// Forgeries an attacker could make of a KP Desk certificate, built with the same writer and a
// signing identity of the attacker's own: the signature of each is intact (pdfsig calls it
// valid), so only the page binding can tell that the page is not what the licensee sealed.
import { createHash } from 'node:crypto';
import type { Certificate } from '../../../shared/domain/certificate';
import type { DocumentRecipe } from '../../../electron/core/documents/recipe/document-recipe';
import {
  encodeRecipe,
  RECIPE_INFO_KEY,
} from '../../../electron/core/documents/recipe/document-recipe';
import { buildSignedData } from '../../../electron/core/documents/signing/cms-signed-data';
import { generateSigningIdentity } from '../../../electron/core/documents/signing/identity';
import {
  cmsSignerOf,
  placeByteRange,
  SIGNATURE_CONTENTS_BYTES,
} from '../../../electron/core/documents/signing/sign-pdf';
import type { DocumentFonts } from '../../../electron/core/documents/write-certificate-document';
import { writeUnsignedCertificate } from '../../../electron/core/documents/write-certificate-document';

/** The attacker's identity, with the genuine signer's names (a cloned subject). */
const attacker = generateSigningIdentity({
  licenseeName: 'Hudson Rough Trading LLC',
  signerName: 'Jane Doe',
  keyType: 'ecdsa-p256',
});

/** Signs an unsigned document (placeholder hole) with the attacker's key. */
export function signAsAttacker(unsigned: Buffer): Buffer {
  const [, hole, holeEnd] = placeByteRange(unsigned);
  const digest = createHash('sha256')
    .update(unsigned.subarray(0, hole))
    .update(unsigned.subarray(holeEnd))
    .digest();
  const cms = buildSignedData(digest, cmsSignerOf(attacker));
  if (cms.length > SIGNATURE_CONTENTS_BYTES) throw new Error('CMS too large');
  unsigned.write(cms.toString('hex'), hole + 1, 'latin1');
  return unsigned;
}

/** The signed file's /ByteRange, read the plain way. */
export function byteRangeOf(pdf: Buffer): [number, number, number, number] {
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(pdf.toString('latin1'));
  if (match === null) throw new Error('no /ByteRange');
  return match.slice(1).map(Number) as [number, number, number, number];
}

/**
 * The page written for `shown` (what the forger wants the page to say), but with the genuine
 * document's seal and recipe in the Info dictionary, as a forger who edits the page's values
 * and keeps the rest would make it. `shown` must encode to a recipe of the same length.
 */
export function pageWithChangedValues(
  genuine: DocumentRecipe,
  seal: string,
  shown: Certificate,
  fonts: DocumentFonts,
): Buffer {
  const forgedRecipe = { ...genuine, record: shown };
  const original = encodeRecipe(genuine);
  const replaced = encodeRecipe(forgedRecipe);
  if (original.length !== replaced.length) throw new Error('choose a change of the same length');
  const page = writeUnsignedCertificate(forgedRecipe, seal, fonts);
  const at = page.indexOf(`/${RECIPE_INFO_KEY} (${replaced})`, 0, 'latin1');
  page.write(original, at + RECIPE_INFO_KEY.length + 3, 'latin1');
  return signAsAttacker(page);
}
