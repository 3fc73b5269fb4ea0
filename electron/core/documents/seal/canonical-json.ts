// Canonical JSON as RFC 8785 (JCS) defines it, for the only values the seal holds: strings, safe
// integers and objects of them. Keys are sorted by UTF-16 code units, there is no whitespace, and
// strings are escaped as JSON.stringify does (which is what JCS prescribes). One value, one text:
// the digest of a certificate and the seal payload are therefore reproducible byte for byte.
export type CanonicalValue = string | number | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: CanonicalValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`Not a safe integer: ${value}`);
    return String(value);
  }
  const keys = Object.keys(value).sort();
  const members = keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? '')}`);
  return `{${members.join(',')}}`;
}
