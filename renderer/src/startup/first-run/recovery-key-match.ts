// Compares the recovery key as typed back with the one shown, forgiving what the key format
// forgives (Crockford base32: any case, spaces and dashes, O for 0, I or L for 1), so that a
// correct key written by hand is never refused for its spelling.
function canonical(key: string): string {
  return key
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function recoveryKeysMatch(shown: string, typed: string): boolean {
  const a = canonical(shown);
  let b = canonical(typed);
  // The "KPR-" prefix may be left out.
  if (a.startsWith('KPR') && !b.startsWith('KPR')) b = `KPR${b}`;
  return a === b;
}
