// Finds the document recipe (/KPDeskDocument, recipe/document-recipe.ts) and the seal text
// (/KPDeskSeal) in the signed spans of a file, with bounded searches as in scan-pdf.ts: one
// backward Buffer.lastIndexOf per span and one anchored regex over a slice no longer than the
// longest value, so hostile input costs linear time at worst and never throws. KP Desk writes
// both in the Info dictionary just before the signature objects, so the backward search finds
// them after a few kilobytes instead of reading the fonts. Only the last occurrence is taken:
// the page binding then writes the whole document again from it and compares every byte, so a
// file carrying a second recipe or seal text elsewhere differs from the rewrite anyway.
import { RECIPE_INFO_KEY, RECIPE_MAX_LENGTH } from '../recipe/document-recipe';
import { SEAL_INFO_KEY } from '../seal/embed-seal-text';
import { SEAL_MAX_LENGTH } from '../seal/seal-codec';

/** 'malformed': the key is there but its value is not a base64url literal of a sane length. */
export type InfoTextScan = { kind: 'none' } | { kind: 'malformed' } | { kind: 'one'; text: string };

type Spans = readonly (readonly [number, number])[];

const literalOf = (maxLength: number): RegExp =>
  new RegExp(`^\\s*\\(([A-Za-z0-9_.-]{1,${String(maxLength)}})\\)`);
const RECIPE_LITERAL = literalOf(RECIPE_MAX_LENGTH);
const SEAL_LITERAL = literalOf(SEAL_MAX_LENGTH);

function lastInfoText(
  bytes: Buffer,
  spans: Spans,
  key: string,
  pattern: RegExp,
  maxLength: number,
): InfoTextScan {
  for (const [start, end] of [...spans].reverse()) {
    const span = bytes.subarray(start, end);
    const at = span.lastIndexOf(key, span.length - key.length, 'latin1');
    if (at === -1) continue;
    const from = at + key.length;
    const match = pattern.exec(
      span.toString('latin1', from, Math.min(span.length, from + maxLength + 16)),
    );
    return match?.[1] === undefined ? { kind: 'malformed' } : { kind: 'one', text: match[1] };
  }
  return { kind: 'none' };
}

/** The recipe's base64url text (not yet decoded). */
export function scanRecipeText(bytes: Buffer, spans: Spans): InfoTextScan {
  return lastInfoText(bytes, spans, `/${RECIPE_INFO_KEY} `, RECIPE_LITERAL, RECIPE_MAX_LENGTH);
}

/** The seal text as the Info dictionary carries it. */
export function scanSealInfoText(bytes: Buffer, spans: Spans): InfoTextScan {
  return lastInfoText(bytes, spans, `/${SEAL_INFO_KEY} `, SEAL_LITERAL, SEAL_MAX_LENGTH);
}
