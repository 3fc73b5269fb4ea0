// What the QR seal says about a certificate (docs/seal.md): the fields an officer checks against
// the paper, in exact units (carats in hundredths, US$ in cents), plus a SHA-256 digest of the
// whole record (canonical JSON of the Certificate) that binds the seal to the vault's copy.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Certificate } from '../../../../shared/domain/certificate';
import { canonicalJson } from './canonical-json';

export const SEAL_PAYLOAD_VERSION = 1;

export const SealPayloadSchema = z
  .object({
    v: z.literal(SEAL_PAYLOAD_VERSION),
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
    ex: z.string(), // exporter's name
    co: z.string(), // consignee's name
    h: z.string().regex(/^[A-Za-z0-9_-]{43}$/), // base64url SHA-256 of the record's canonical JSON
  })
  .strict();

export type SealPayload = z.infer<typeof SealPayloadSchema>;

export function certificateCanonicalJson(certificate: Certificate): string {
  return canonicalJson({
    ...certificate,
    exporter: { ...certificate.exporter },
    consignee: { ...certificate.consignee },
  });
}

/** base64url (no padding) of SHA-256 over the UTF-8 canonical JSON of the full record. */
export function certificateDigest(certificate: Certificate): string {
  return createHash('sha256')
    .update(certificateCanonicalJson(certificate), 'utf8')
    .digest('base64url');
}

export function sealPayloadOf(certificate: Certificate): SealPayload {
  return {
    v: SEAL_PAYLOAD_VERSION,
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

export type SealMismatch = { field: keyof SealPayload; sealed: string; record: string };

/** Field-by-field comparison of what the seal says with a record (e.g. the vault's). */
export function compareSealWithRecord(sealed: SealPayload, record: Certificate): SealMismatch[] {
  const expected = sealPayloadOf(record);
  return (Object.keys(expected) as (keyof SealPayload)[])
    .filter((field) => sealed[field] !== expected[field])
    .map((field) => ({ field, sealed: String(sealed[field]), record: String(expected[field]) }));
}
