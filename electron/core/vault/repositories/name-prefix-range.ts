// A case-insensitive name prefix as a range [low, high) under SQLite's NOCASE collation, so that
// `name COLLATE NOCASE >= low AND name COLLATE NOCASE < high` is answered from a NOCASE index
// (a LIKE with escapes is not). NOCASE folds only ASCII letters, so only those are folded here;
// high is the prefix with its last code point incremented (UTF-8 byte order = code point order).

export type PrefixRange = { low: string; high: string };

export function namePrefixRange(prefix: string): PrefixRange | null {
  const low = prefix.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  // Code points, not UTF-16 units: the bound must be a whole character.
  const points = Array.from(low);
  const last = points.pop();
  if (last === undefined) return null;
  const code = last.codePointAt(0) ?? 0;
  // Past the last code point (or into the surrogate block) there is no simple bound.
  if (code >= 0x10ffff || (code >= 0xd7ff && code <= 0xdfff)) return null;
  return { low, high: points.join('') + String.fromCodePoint(code + 1) };
}
