// What the QR seal says about a certificate (docs/seal.md): the fields an officer checks against
// the paper, in exact units (carats in hundredths, US$ in cents), plus a SHA-256 digest of the
// whole record (canonical JSON of the Certificate) that binds the seal to the vault's copy.
// Version 2 adds which document carries the seal (`k`: the issued certificate or its VOID copy,
// so the two seals differ) and shortens long party names (sealPartyName) so that the longest
// certificate the rules accept still prints a QR code a 150 dpi scan reads. Version 1 seals, on
// documents issued before, still verify.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Certificate } from '../../../../shared/domain/certificate';
import { canonicalJson } from './canonical-json';

export const SEAL_PAYLOAD_VERSION = 2;

export type SealedDocumentKind = 'issued' | 'void';

const fields = {
  n: z.string(), // certificate number
  itn: z.string(), // AES Internal Transaction Number
  iss: z.string(), // date of issue, YYYY-MM-DD
  exp: z.string(), // date of expiry, YYYY-MM-DD
  o: z.string(), // country of origin (ISO alpha-2, or "****" for mixed)
  d: z.string(), // country of destination (ISO alpha-2)
  hs: z.string(), // HS code, e.g. "7102.31"
  ct: z.number().int().nonnegative(), // carats × 100
  val: z.number().int().nonnegative(), // US$ × 100
  p: z.number().int().nonnegative(), // number of parcels
  ex: z.string(), // exporter's name (version 2: shortened, sealPartyName)
  co: z.string(), // consignee's name (version 2: shortened, sealPartyName)
  h: z.string().regex(/^[A-Za-z0-9_-]{43}$/), // base64url SHA-256 of the record's canonical JSON
};

export const SealPayloadV1Schema = z.object({ v: z.literal(1), ...fields }).strict();

export const SealPayloadV2Schema = z
  .object({ v: z.literal(2), k: z.enum(['issued', 'void']), ...fields })
  .strict();

export const SealPayloadSchema = z.discriminatedUnion('v', [
  SealPayloadV1Schema,
  SealPayloadV2Schema,
]);

export type SealPayload = z.infer<typeof SealPayloadSchema>;
export type SealPayloadV2 = z.infer<typeof SealPayloadV2Schema>;

/** A party name longer than this many bytes in the seal's JSON is shortened in a version 2 payload. */
export const SEAL_NAME_MAX_BYTES = 48;
const ELLIPSIS = '\u2026'; // "…", 3 bytes in UTF-8

/** UTF-8 bytes of a text inside a canonical JSON string (escapes counted, quotes not). */
function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;
}

/**
 * The name as a version 2 seal holds it (docs/seal.md): as is when it takes at most
 * SEAL_NAME_MAX_BYTES bytes in the payload's JSON (UTF-8, escapes such as \" counted), otherwise
 * the longest prefix of whole code points that leaves room for "…" within that many bytes, then
 * "…". The full name stays covered by `h` and by the page binding (the document recipe); the
 * seal only has to let an officer recognise it, and stay small enough to scan.
 */
export function sealPartyName(name: string): string {
  if (jsonBytes(name) <= SEAL_NAME_MAX_BYTES) return name;
  const budget = SEAL_NAME_MAX_BYTES - jsonBytes(ELLIPSIS);
  let kept = '';
  let bytes = 0;
  for (const character of name) {
    const size = jsonBytes(character);
    if (bytes + size > budget) break;
    kept += character;
    bytes += size;
  }
  return `${kept}${ELLIPSIS}`;
}

export function certificateCanonicalJson(certificate: Certificate): string {
  const { domesticRecovery, ...rest } = certificate;
  return canonicalJson({
    ...rest,
    exporter: { ...certificate.exporter },
    consignee: { ...certificate.consignee },
    // Absent on certificates without a US origin, so their digest is the one it always was. The
    // seal's canonical JSON holds strings and integers only (canonical-json.ts): the declaration's
    // flag is written "true" or "false".
    ...(domesticRecovery === undefined
      ? {}
      : {
          domesticRecovery: {
            site: domesticRecovery.site,
            notImported: String(domesticRecovery.notImported),
          },
        }),
  });
}

/** base64url (no padding) of SHA-256 over the UTF-8 canonical JSON of the full record. */
export function certificateDigest(certificate: Certificate): string {
  return createHash('sha256')
    .update(certificateCanonicalJson(certificate), 'utf8')
    .digest('base64url');
}

function sealedFields(certificate: Certificate) {
  return {
    n: certificate.number,
    itn: certificate.itn,
    iss: certificate.dateOfIssue,
    exp: certificate.dateOfExpiry,
    o: certificate.countryOfOrigin,
    d: certificate.destinationCountry,
    hs: certificate.hsCode,
    ct: certificate.caratHundredths,
    val: certificate.valueCents,
    p: certificate.parcels,
    ex: certificate.exporter.name,
    co: certificate.consignee.name,
    h: certificateDigest(certificate),
  };
}

/** The payload KP Desk seals today (version 2) for the issued document or its VOID copy. */
export function sealPayloadOf(
  certificate: Certificate,
  kind: SealedDocumentKind = 'issued',
): SealPayloadV2 {
  const sealed = sealedFields(certificate);
  return {
    v: 2,
    k: kind,
    ...sealed,
    ex: sealPartyName(sealed.ex),
    co: sealPartyName(sealed.co),
  };
}

/** The version 1 payload of a record, as documents issued before version 2 carry it. */
export function sealPayloadV1Of(certificate: Certificate): SealPayload {
  return { v: 1, ...sealedFields(certificate) };
}

export type SealMismatch = { field: keyof SealPayloadV2; sealed: string; record: string };

/**
 * Field-by-field comparison of what the seal says with a record (e.g. the vault's), in the
 * seal's own version. `kind` is the document the caller expects (the issued certificate or its
 * VOID copy); without it the seal's `k` is not compared. A version 1 seal does not say which
 * document it is on: when the VOID copy is expected, that is reported as a mismatch on `k`.
 */
export function compareSealWithRecord(
  sealed: SealPayload,
  record: Certificate,
  kind?: SealedDocumentKind,
): SealMismatch[] {
  const expected: Record<string, string | number> =
    sealed.v === 1 ? sealPayloadV1Of(record) : sealPayloadOf(record, kind ?? sealed.k);
  const actual: Record<string, string | number | undefined> = sealed;
  const mismatches = (Object.keys(expected) as (keyof SealPayloadV2)[])
    .filter((field) => actual[field] !== expected[field])
    .map((field) => ({
      field,
      sealed: String(actual[field]),
      record: String(expected[field]),
    }));
  if (sealed.v === 1 && kind === 'void')
    mismatches.push({ field: 'k', sealed: '(not sealed: version 1)', record: 'void' });
  return mismatches;
}
