// The audit head a signed certificate carries (issue 13 part 1: the recipe's auditHead, inside
// the signed bytes). It counts as an anchor only when the PDF's signature holds over the whole
// file and was made by one of this vault's signing identities: anyone can write a PDF, and a
// forged head must not accuse a sound record. Documents signed before the head existed carry
// none and are said to.
import { readFile, stat } from 'node:fs/promises';
import { decodeRecipe } from '../../documents/recipe/document-recipe';
import { scanRecipeText } from '../../documents/verify/scan-document-recipe';
import { DEFAULT_MAX_BYTES, verifyPdf } from '../../documents/verify/verify-pdf';
import type { Anchor } from './check-anchors';

export type PdfAnchorReading =
  | { kind: 'anchor'; anchor: Anchor }
  | { kind: 'problem'; reason: string }
  | { kind: 'no head'; reason: string };

export async function readPdfAnchor(
  path: string,
  ownSignerFingerprints: ReadonlySet<string>,
): Promise<PdfAnchorReading> {
  if ((await stat(path)).size > DEFAULT_MAX_BYTES)
    return { kind: 'problem', reason: 'the PDF is too large to be a KP Desk certificate' };
  const bytes = await readFile(path);
  const result = verifyPdf(bytes);
  const range = result.integrity.byteRange;
  if (result.integrity.status !== 'intact' || range === null)
    return {
      kind: 'problem',
      reason: `its signature does not hold, so its audit head proves nothing (${result.integrity.message})`,
    };
  if (result.modifiedAfterSigning.status === 'yes')
    return { kind: 'problem', reason: 'it was changed after it was signed' };
  const signer = result.signer.fingerprintSha256;
  if (signer === null || !ownSignerFingerprints.has(signer))
    return {
      kind: 'problem',
      reason: `it was not signed by this vault's signing identity (${result.signer.subject ?? 'unknown signer'})`,
    };
  const [, hole, holeEnd, tail] = range;
  const text = scanRecipeText(bytes, [
    [0, hole],
    [holeEnd, holeEnd + tail],
  ]);
  const reading = text.kind === 'one' ? decodeRecipe(text.text) : null;
  if (reading?.kind !== 'recipe')
    return { kind: 'no head', reason: 'a PDF without a KP Desk document recipe' };
  const { auditHead, record } = reading.recipe;
  if (auditHead === undefined)
    return {
      kind: 'no head',
      reason: `certificate ${record.number} was signed before certificates carried the audit head`,
    };
  return {
    kind: 'anchor',
    anchor: {
      seq: auditHead.seq,
      hash: auditHead.hash,
      at: null,
      source: `${path} (certificate ${record.number}, signed ${reading.recipe.signedAt})`,
      kind: 'signed-certificate',
      vaultId: auditHead.vault ?? null,
      authenticated: true,
    },
  };
}
