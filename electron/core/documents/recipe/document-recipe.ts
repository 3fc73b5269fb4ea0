// The document recipe: everything the certificate writer reads to produce a signed document,
// recorded inside the document itself (Info dictionary /KPDeskDocument, covered by the
// signature) so that a verifier can write the document again from it and compare the result
// with the file byte for byte (verify/check-page-binding.ts). The recipe names the writer's
// INPUTS, never its outputs: a part the writer adds later (XMP metadata, an OutputIntent, a
// trailer /ID, all deterministic functions of these inputs) needs no change here, only a new
// LAYOUT_VERSION when the bytes it writes for the same recipe change.
//
// Encoding: base64url (RFC 4648 §5, no padding) of the UTF-8 canonical JSON (RFC 8785, as the
// seal uses) of the object below, written as a PDF literal string: plain ASCII, no escaping,
// which PDF/A (ISO 19005-2 §6.1.6) and every Info reader accept.
import { z } from 'zod';
import type { Certificate } from '../../../../shared/domain/certificate';
import { canonicalJson } from '../seal/canonical-json';

export const RECIPE_INFO_KEY = 'KPDeskDocument';

/**
 * The version of the writer's output for a given recipe. Bump it whenever the writer
 * (layout/, signing/sign-pdf.ts placeholders, the Info entries) writes different bytes for the
 * same recipe: a verifier reproduces only the versions it knows. tests/unit/documents/
 * page-binding.test.ts pins the digest of a document written from a fixed recipe.
 */
export const LAYOUT_VERSION = 1;

/** A recipe longer than this (base64url characters) is refused unread; real ones are ~1–3 KB. */
export const RECIPE_MAX_LENGTH = 65_536;

const safeCount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
// No text KP Desk prints is longer (a draft's texts are at most 2,000 characters): a longer one
// in a hostile file is refused before the layout spends time wrapping it.
const text = z.string().max(2000);
const PartyRecordSchema = z.object({ name: text, address: text }).strict();

/** The certificate record exactly as the seal's digest `h` covers it (docs/seal.md). */
const CertificateRecordSchema = z
  .object({
    number: text,
    countryOfOrigin: text,
    dateOfIssue: text,
    dateOfExpiry: text,
    exportDate: text,
    exporter: PartyRecordSchema,
    consignee: PartyRecordSchema,
    destinationCountry: text,
    caratHundredths: safeCount,
    valueCents: safeCount,
    parcels: safeCount,
    hsCode: text,
    itn: text,
  })
  .strict();

const VoidStampSchema = z.object({ reason: text, date: text }).strict();

/** An ISO 8601 UTC time as Date#toISOString writes it (the signing time, to the millisecond). */
const IsoInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  .refine((text) => {
    const date = new Date(text);
    return !Number.isNaN(date.getTime()) && date.toISOString() === text;
  });

export const DocumentRecipeSchema = z
  .object({
    layout: z.literal(LAYOUT_VERSION),
    record: CertificateRecordSchema,
    kind: z.enum(['issued', 'void']),
    /** The VOID copy's stamp (reason and date); absent on the issued document. */
    voidStamp: VoidStampSchema.optional(),
    /** The signing time: the signature's /M, its appearance and the Info dates. */
    signedAt: IsoInstantSchema,
    /** The authorised signatory named in the signature appearance and /Name. */
    signer: text,
    /** The licensee's legal name ("Authorised signatory for …"). */
    licensee: text,
    /** The signature dictionary's /Location. */
    location: text,
    /** The Info /Producer, e.g. "KP Desk 1.2.0". */
    producer: text,
    /**
     * The vault's audit chain head when the document was signed (issue 13: an anchor). Inside
     * the signed bytes and never printed, so the page is unchanged: a vault whose chain was
     * later rewritten or cut before this event contradicts it (kpdesk audit verify --anchors).
     * Absent on documents signed before it existed; an optional input, so the writer's bytes
     * for a recipe without it are unchanged and LAYOUT_VERSION stays.
     */
    auditHead: z
      .object({
        /** The vault's id, when the signer knew it (the app; not a bare key). */
        vault: z.string().max(100).optional(),
        seq: safeCount,
        hash: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((recipe) => (recipe.kind === 'void') === (recipe.voidStamp !== undefined), {
    error: 'The VOID copy has a stamp and the issued document has none.',
  });

export type DocumentRecipe = z.infer<typeof DocumentRecipeSchema>;

/** Only the keys of a Certificate: the record the seal's digest covers, nothing more. */
export function certificateRecord(certificate: Certificate): Certificate {
  return {
    number: certificate.number,
    countryOfOrigin: certificate.countryOfOrigin,
    dateOfIssue: certificate.dateOfIssue,
    dateOfExpiry: certificate.dateOfExpiry,
    exportDate: certificate.exportDate,
    exporter: { name: certificate.exporter.name, address: certificate.exporter.address },
    consignee: { name: certificate.consignee.name, address: certificate.consignee.address },
    destinationCountry: certificate.destinationCountry,
    caratHundredths: certificate.caratHundredths,
    valueCents: certificate.valueCents,
    parcels: certificate.parcels,
    hsCode: certificate.hsCode,
    itn: certificate.itn,
  };
}

export function encodeRecipe(recipe: DocumentRecipe): string {
  const { voidStamp, record, auditHead, ...rest } = recipe;
  const json = canonicalJson({
    ...rest,
    record: { ...record, exporter: { ...record.exporter }, consignee: { ...record.consignee } },
    ...(voidStamp === undefined ? {} : { voidStamp: { ...voidStamp } }),
    ...(auditHead === undefined ? {} : { auditHead: { ...auditHead } }),
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export type RecipeReading =
  | { kind: 'recipe'; recipe: DocumentRecipe }
  | { kind: 'unknown layout'; layout: unknown }
  | { kind: 'malformed' };

/** base64url text → recipe; never throws. An unknown layout version is told apart. */
export function decodeRecipe(text: string): RecipeReading {
  if (text.length > RECIPE_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text))
    return { kind: 'malformed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return { kind: 'malformed' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { kind: 'malformed' };
  const layout = (parsed as { layout?: unknown }).layout;
  if (layout !== LAYOUT_VERSION) return { kind: 'unknown layout', layout };
  const recipe = DocumentRecipeSchema.safeParse(parsed);
  return recipe.success ? { kind: 'recipe', recipe: recipe.data } : { kind: 'malformed' };
}
