// Page binding (issue 11, point 2): proves that what the page shows is what the licensee sealed,
// whoever signed the file. The document carries its recipe (recipe/document-recipe.ts: the full
// record, the variant, the signing time, the signer's and licensee's names, the location, the
// producer) inside the signed bytes. The checker
//   1. reads the recipe and the seal text from the signed spans only (bounded scans);
//   2. checks that the recipe is the record the verified seal names: its digest is the seal's
//      `h` and its number the seal's `n`, and (seal version 2) its kind the seal's `k`;
//   3. writes the unsigned document again from the recipe with the issuer's own writer
//      (write-certificate-document.ts), places the same /ByteRange, and compares every byte
//      outside the /Contents hole with the file.
// Identical bytes mean every value on the page, the seal's QR code, the visible signature and
// the metadata are exactly what the writer makes from the sealed record: a changed carat figure
// or address, or the page of one certificate under the seal of another, cannot give them. The
// comparison stops at the end of the signed revision: what is appended after it (B-LT's DSS, a
// document time-stamp, or anything else) is the signature checks' concern.
import type { SealPayload } from '../seal/seal-payload';
import { certificateDigest } from '../seal/seal-payload';
import { canonicalJson } from '../seal/canonical-json';
import type { DocumentRecipe } from '../recipe/document-recipe';
import { decodeRecipe } from '../recipe/document-recipe';
import { placeByteRange } from '../signing/sign-pdf';
import type { DocumentFonts } from '../write-certificate-document';
import { loadDocumentFonts, writeUnsignedCertificate } from '../write-certificate-document';
import { scanRecipeText, scanSealInfoText } from './scan-document-recipe';
import { describeDocumentRegion } from './describe-document-region';

export type PageBindingCheck = {
  status: 'bound' | 'differs' | 'not established';
  message: string; // plain words for a border official, names what differs where possible
  documentKind: 'issued' | 'void' | 'not established';
};

export type PageBindingChecker = (
  bytes: Buffer,
  byteRange: readonly [number, number, number, number],
  seal: SealPayload, // the verified seal payload
) => PageBindingCheck;

type Kind = PageBindingCheck['documentKind'];

const notEstablished = (message: string, documentKind: Kind): PageBindingCheck => ({
  status: 'not established',
  message,
  documentKind,
});
const differs = (message: string, documentKind: Kind): PageBindingCheck => ({
  status: 'differs',
  message,
  documentKind,
});

const documentName = (kind: 'issued' | 'void'): string =>
  kind === 'void' ? 'the VOID copy' : 'the issued certificate';

function validRange(bytes: Buffer, range: readonly number[]): boolean {
  const [a, b, c, d] = range;
  return (
    range.length === 4 &&
    range.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    a === 0 &&
    b !== undefined &&
    c !== undefined &&
    d !== undefined &&
    b < c &&
    c + d <= bytes.length
  );
}

/** The seal text's payload part is the verified payload, in its canonical JSON. */
function sealTextCarries(sealText: string, seal: SealPayload): boolean {
  const payloadPart = sealText.split('.')[1] ?? '';
  const json = Buffer.from(payloadPart, 'base64url').toString('utf8');
  return json === canonicalJson(seal);
}

/** The first offset where the file and the rewritten document differ outside the hole. */
function firstDifference(
  file: Buffer,
  written: Buffer,
  [, hole, holeEnd, tail]: readonly [number, number, number, number],
): number | null {
  const end = holeEnd + tail;
  const sameLength = written.length === end;
  if (
    sameLength &&
    file.subarray(0, hole).equals(written.subarray(0, hole)) &&
    file.subarray(holeEnd, end).equals(written.subarray(holeEnd, end))
  )
    return null;
  const common = Math.min(end, written.length);
  for (let at = 0; at < common; at += 1) {
    if (at === hole) at = holeEnd;
    if (at < common && file[at] !== written[at]) return at;
  }
  return common;
}

function check(
  fonts: DocumentFonts,
  bytes: Buffer,
  byteRange: readonly [number, number, number, number],
  seal: SealPayload,
): PageBindingCheck {
  // A version 2 seal says which document it is on, whatever the page shows.
  const sealedKind: Kind = seal.v === 2 ? seal.k : 'not established';
  if (!validRange(bytes, byteRange))
    return notEstablished('The signature’s byte range is not readable.', sealedKind);
  const [, hole, holeEnd, tail] = byteRange;
  const spans = [
    [0, hole],
    [holeEnd, holeEnd + tail],
  ] as const;
  const recipeText = scanRecipeText(bytes, spans);
  if (recipeText.kind === 'none')
    return notEstablished(
      'The signed file does not describe how its page was made (it was made by a KP Desk ' +
        'version before page binding, or by another program), so the page could not be ' +
        'compared with what the licensee sealed.',
      sealedKind,
    );
  const reading: ReturnType<typeof decodeRecipe> =
    recipeText.kind === 'one' ? decodeRecipe(recipeText.text) : { kind: 'malformed' };
  if (reading.kind === 'unknown layout')
    return notEstablished(
      'The page was made by a KP Desk version this verifier does not know ' +
        `(layout version ${String(reading.layout)}), so it could not be compared with what ` +
        'the licensee sealed. Verify it with a newer KP Desk.',
      sealedKind,
    );
  if (reading.kind === 'malformed')
    return differs(
      'The description of the page inside the signed file is damaged: the page cannot be ' +
        'shown to be what the licensee sealed.',
      sealedKind,
    );
  const { recipe } = reading;
  const named = checkSealNamesRecipe(recipe, seal);
  if (named !== null) return differs(named, sealedKind);
  const sealText = scanSealInfoText(bytes, spans);
  if (sealText.kind !== 'one' || !sealTextCarries(sealText.text, seal))
    return differs(
      'The seal text inside the signed file is not the seal that was checked.',
      sealedKind,
    );
  let written: Buffer;
  try {
    written = writeUnsignedCertificate(recipe, sealText.text, fonts);
    placeByteRange(written);
  } catch {
    return differs(
      'KP Desk cannot lay out the page described inside the signed file: the page was not ' +
        'made from the sealed record.',
      sealedKind,
    );
  }
  const at = firstDifference(bytes, written, byteRange);
  if (at !== null)
    return differs(
      `The page is not what the licensee sealed: written again from the sealed record of ` +
        `certificate ${recipe.record.number}, the document differs, first in ` +
        `${describeDocumentRegion(written, bytes, at)}.`,
      sealedKind,
    );
  return {
    status: 'bound',
    message:
      `Every value on the page, the seal’s QR code and the visible signature are what the ` +
      `licensee sealed for certificate ${recipe.record.number} (${documentName(recipe.kind)}): ` +
      'written again from the sealed record, the document is identical byte for byte.',
    documentKind: recipe.kind,
  };
}

/** Why the recipe is not the record the seal names, or null when it is. */
function checkSealNamesRecipe(recipe: DocumentRecipe, seal: SealPayload): string | null {
  if (recipe.record.number !== seal.n)
    return (
      `The page is not the certificate the seal names: the seal is for certificate ${seal.n}, ` +
      `the page for certificate ${recipe.record.number}.`
    );
  if (certificateDigest(recipe.record) !== seal.h)
    return (
      `The page is not the certificate the seal names: the page was made from a record of ` +
      `certificate ${seal.n} other than the one the licensee sealed.`
    );
  if (seal.v === 2 && seal.k !== recipe.kind)
    return (
      `The page is not the document the seal names: the seal is for ${documentName(seal.k)}, ` +
      `the page is ${documentName(recipe.kind)}.`
    );
  return null;
}

/** Loads fonts/form once; the returned checker is synchronous and never throws. */
export async function createPageBindingChecker(resourcesDir: string): Promise<PageBindingChecker> {
  const fonts = await loadDocumentFonts(resourcesDir);
  return (bytes, byteRange, seal) => {
    try {
      return check(fonts, bytes, byteRange, seal);
    } catch {
      return notEstablished(
        'The page could not be compared with what the licensee sealed.',
        'not established',
      );
    }
  };
}
