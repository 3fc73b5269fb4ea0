// Finds the document recipe (/KPDeskDocument, recipe/document-recipe.ts) in the signed spans of a
// file, with the same bounded searches as scan-pdf.ts: a few Buffer.indexOf calls limited to the
// spans and one anchored regex over a slice no longer than the longest recipe, so hostile input
// costs linear time at worst and never throws.
import { RECIPE_INFO_KEY, RECIPE_MAX_LENGTH } from '../recipe/document-recipe';

export type RecipeTextScan = { kind: 'none' } | { kind: 'several' } | { kind: 'one'; text: string };

const RECIPE_TEXT = new RegExp(`^\\s*\\(([A-Za-z0-9_-]{1,${String(RECIPE_MAX_LENGTH)}})\\)`);

export function scanRecipeText(
  bytes: Buffer,
  spans: readonly (readonly [number, number])[],
): RecipeTextScan {
  const key = `/${RECIPE_INFO_KEY}`;
  const found: number[] = [];
  for (const [start, end] of spans) {
    const span = bytes.subarray(start, end);
    for (let at = span.indexOf(key, 0, 'latin1'); at !== -1;) {
      found.push(start + at);
      if (found.length > 1) return { kind: 'several' };
      at = span.indexOf(key, at + key.length, 'latin1');
    }
  }
  const [at] = found;
  if (at === undefined) return { kind: 'none' };
  const span = spans.find(([start, end]) => at >= start && at < end);
  const sliceEnd = Math.min(span?.[1] ?? at, at + key.length + RECIPE_MAX_LENGTH + 16);
  const match = RECIPE_TEXT.exec(bytes.toString('latin1', at + key.length, sliceEnd));
  return match?.[1] === undefined ? { kind: 'none' } : { kind: 'one', text: match[1] };
}
