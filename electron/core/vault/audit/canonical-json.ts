// One byte-exact text for a value, whoever writes it: object keys sorted, no whitespace. Hashes
// of the audit chain and entity digests are taken over this text, so the same row always gives
// the same digest whether it is written today or verified in ten years.

export type CanonicalValue =
  | null
  | boolean
  | number
  | string
  | Uint8Array
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    // NaN and Infinity have no JSON form; a row never holds them, so one is a bug.
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  // Blobs (attachment content) are written as hex: exact and deterministic.
  if (value instanceof Uint8Array)
    return JSON.stringify({ $bytes: Buffer.from(value).toString('hex') });
  // Loops rather than map/filter/join: the repositories digest every row they write with this
  // (entity-digest.ts), and the certificate insert is measured against raw SQL (bench/vault).
  if (isList(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1)
      text += `${i === 0 ? '' : ','}${canonicalJson(value[i] ?? null)}`;
    return `${text}]`;
  }
  const record = value;
  let text = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${text}}`;
}

function isList(value: CanonicalValue): value is readonly CanonicalValue[] {
  return Array.isArray(value);
}
