// The channels of the signing identity and the certificate documents. Private keys never cross
// them: the vault signs (electron/core/vault/document-operations.ts) and answers with summaries.
// File paths never cross them either: main's save and open dialogs choose every file
// (electron/core/file-dialogs.ts), so a channel that reads or writes a file takes no path and
// answers { cancelled: true } when the user closes the dialog.
import { z } from 'zod';
import { personText } from '../records/person-text';

const noInput = z.object({}).strict();
const certificateId = z.number().int().min(1);

/** The user closed the file dialog: nothing was read or written. */
export const CancelledSchema = z.object({ cancelled: z.literal(true) }).strict();

export const IdentityWarningSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('expired'), since: z.string() }).strict(),
  z.object({ kind: z.literal('expires-soon'), daysLeft: z.number().int() }).strict(),
  z.object({ kind: z.literal('not-yet-valid'), from: z.string() }).strict(),
]);

/** What the licensee sees of the signing identity (never the private key). */
export const IdentitySummarySchema = z
  .object({
    /** "CN=Jane Doe, O=Hudson Rough Diamond Trading LLC, C=US". */
    subject: z.string(),
    issuer: z.string(),
    serialNumber: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    /** SHA-256 of the certificate, "AB:CD:…", to read out to a partner over the phone. */
    fingerprintSha256: z.string(),
    /** Allowed, but no reader trusts it by default: show it as self-signed. */
    selfSigned: z.boolean(),
    keyType: z.enum(['rsa', 'ec']),
    chainLength: z.number().int(),
    /** The certificate has ended or ends within 30 days: warn before it is too late. */
    expiresWithin30Days: z.boolean(),
    warning: IdentityWarningSchema.nullable(),
    source: z.enum(['generated', 'imported']),
    /** Printed in the visible signature ("Digitally signed by …"). */
    signerName: z.string(),
    createdAt: z.string(),
    /** For a generated identity: the PKCS#10 request to send to a certification authority. */
    certificationRequestPem: z.string().nullable(),
    /** The seal's public key (SPKI PEM), for partners who verify the QR seal offline. */
    sealPublicKeyPem: z.string().nullable(),
  })
  .strict();
export type IdentitySummary = z.infer<typeof IdentitySummarySchema>;

const name = (max: number, field: string) =>
  personText('name', field)
    .trim()
    .min(1, `Enter the ${field}.`)
    .max(max, `The ${field} has at most ${String(max)} characters.`);

export const GenerateIdentitySchema = z
  .object({
    /** The authorised signatory: the certificate's CN. */
    signerName: name(100, 'signer’s name'),
    /** The certificate's O=; by default the licensee's legal name from the profile. */
    organization: name(200, 'organisation name').optional(),
    /** ECDSA P-256 by default (electron/core/documents/signing/identity.ts says why). */
    keyType: z.enum(['ecdsa-p256', 'rsa-3072', 'rsa-2048']).default('ecdsa-p256'),
  })
  .strict();

export const ImportIdentitySchema = z
  .object({
    /** The PKCS#12 file's password; the file itself is chosen in main's open dialog. */
    password: z.string().max(1024),
    /** Printed in the visible signature; by default the certificate's CN. */
    signerName: name(100, 'signer’s name').optional(),
  })
  .strict();

export const documentKinds = ['certificate', 'void'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * PAdES baseline levels (ETSI EN 319 142-1): B-B signed; B-T with a time-stamp from a TSA; B-LT
 * with the validation data (certificates, CRLs) in the document, verifiable after the signing
 * certificate expires.
 */
export const signatureLevels = ['B-B', 'B-T', 'B-LT'] as const;
export type SignatureLevel = (typeof signatureLevels)[number];

export const SignedDocumentSchema = z
  .object({
    documentId: z.number().int(),
    certificateId: z.number().int(),
    number: z.string(),
    /** "certificate" for an issued one, "void" for the VOID copy Census receives. */
    kind: z.enum(documentKinds),
    sha256: z.string(),
    bytes: z.number().int(),
    pages: z.number().int(),
    signedAt: z.string(),
    /** True when the stored document already matched the record and was not signed again. */
    reused: z.boolean(),
    /** The PAdES level the document got (B-B when no TSA is set or it could not be reached). */
    level: z.enum(signatureLevels),
    /** Why that level, in plain words (e.g. "the time-stamp authority … could not be reached"). */
    levelNote: z.string(),
  })
  .strict();
export type SignedDocument = z.infer<typeof SignedDocumentSchema>;

/**
 * A signed document kept in the vault. `superseded`: a correction approved after it was signed
 * changed the record, so it shows old values; it is kept (10-year duty) but is not the current
 * document. `fileName` is the name it is saved under (a superseded one says so).
 */
export const StoredDocumentSchema = z
  .object({
    documentId: z.number().int(),
    kind: z.enum(documentKinds),
    fileName: z.string(),
    signedAt: z.string(),
    sha256: z.string(),
    bytes: z.number().int(),
    level: z.enum(signatureLevels),
    levelNote: z.string(),
    status: z.enum(['current', 'superseded']),
  })
  .strict();
export type StoredDocument = z.infer<typeof StoredDocumentSchema>;

export const SavedFileSchema = z.union([z.object({ path: z.string() }).strict(), CancelledSchema]);

const established = <T extends [string, ...string[]]>(...values: T) =>
  z.enum([...values, 'not established'] as [...T, 'not established']);

const SealPayloadSchema = z
  .object({
    v: z.number().int(),
    /** From payload version 2: which document carries the seal (docs/seal.md). */
    k: z.enum(['issued', 'void']).optional(),
    n: z.string(),
    itn: z.string(),
    iss: z.string(),
    exp: z.string(),
    o: z.string(),
    d: z.string(),
    hs: z.string(),
    ct: z.number().int(),
    val: z.number().int(),
    p: z.number().int(),
    ex: z.string(),
    co: z.string(),
    h: z.string(),
  })
  .strict();

/** ETSI EN 319 102-1 (5.1.3) main indications of a signature validation. */
export const indications = ['TOTAL-PASSED', 'TOTAL-FAILED', 'INDETERMINATE'] as const;
export type Indication = (typeof indications)[number];

/** ETSI EN 319 102-1 sub-indications (5.1.3, tables 5 and 6) the verifier can report. */
export const subIndications = [
  // with TOTAL-FAILED
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  // with INDETERMINATE
  'SIG_CONSTRAINTS_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'OUT_OF_BOUNDS_NO_POE',
  'OUT_OF_BOUNDS_NOT_REVOKED',
  'TRY_LATER',
  'SIGNED_DATA_NOT_FOUND',
  'GENERIC',
] as const;
export type SubIndication = (typeof subIndications)[number];

/** The verifier's answer (electron/core/documents/verify/verification-result.ts), as data. */
export const VerificationResultSchema = z
  .object({
    indication: z.enum(indications),
    subIndication: z.enum(subIndications).nullable(),
    /**
     * What the reader may do with the document: VALID (TOTAL-PASSED, the issued certificate, not
     * known to be voided), VOIDED (TOTAL-PASSED, but the vault says the certificate was voided),
     * VOID COPY (TOTAL-PASSED, the signed VOID copy), FAILED (TOTAL-FAILED), INDETERMINATE.
     */
    verdict: z.enum(['VALID', 'VOIDED', 'VOID COPY', 'FAILED', 'INDETERMINATE']),
    /** One sentence for the whole; "valid" and "genuine" appear in it only for TOTAL-PASSED. */
    summary: z.string(),
    rejected: z
      .object({
        reason: z.enum(['empty', 'too large', 'not a PDF', 'time limit']),
        message: z.string(),
      })
      .strict()
      .nullable(),
    structure: z.object({ status: z.enum(['ok', 'damaged']), message: z.string() }).strict(),
    integrity: z
      .object({
        status: established('intact', 'broken'),
        message: z.string(),
        signatureCount: z.number().int(),
        byteRange: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
        subFilter: z.string().nullable(),
      })
      .strict(),
    /** Bytes after the signed revision; validation data (DSS, document time-stamp) is allowed. */
    modifiedAfterSigning: z
      .object({
        status: established('yes', 'no', 'validation data only'),
        appendedBytes: z.number().int(),
      })
      .strict(),
    signer: z
      .object({
        status: established('identified'),
        subject: z.string().nullable(),
        issuer: z.string().nullable(),
        serialNumber: z.string().nullable(),
        fingerprintSha256: z.string().nullable(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        /** The /M time the signer claims (no authority vouches for it without a time-stamp). */
        signingTime: z.string().nullable(),
        validAtSigningTime: established('yes', 'no'),
        selfSigned: z.boolean().nullable(),
        /** Key usage digitalSignature or nonRepudiation (and no EKU that excludes signing). */
        keyUsageFit: established('yes', 'no'),
      })
      .strict(),
    /** PAdES baseline level the file reaches (ETSI EN 319 142-1), null when unsigned. */
    level: z.enum(['B-B', 'B-T', 'B-LT', 'B-LTA']).nullable(),
    /** The RFC 3161 signature time-stamp: the proof of existence of the signature. */
    timestamp: z
      .object({
        status: established('verified', 'failed', 'absent'),
        time: z.string().nullable(),
        authority: z.string().nullable(),
        message: z.string(),
      })
      .strict(),
    chain: z
      .object({
        status: established('trusted', 'untrusted'),
        message: z.string(),
        anchor: z.string().nullable(),
      })
      .strict(),
    seal: z
      .object({
        status: established('verified', 'failed', 'absent'),
        message: z.string(),
        seal: z.string().nullable(),
        payload: SealPayloadSchema.nullable(),
        matchesDocument: established('yes', 'no'),
      })
      .strict(),
    /** Every visible field on the page is what the licensee sealed (re-rendered and compared). */
    pageBinding: z
      .object({ status: established('bound', 'differs'), message: z.string() })
      .strict(),
    /** Which document the seal says this is: the issued certificate or its VOID copy. */
    documentKind: established('issued', 'void'),
    record: z
      .object({
        status: established('match', 'mismatch'),
        message: z.string(),
        mismatches: z.array(
          z.object({ field: z.string(), sealed: z.string(), record: z.string() }).strict(),
        ),
      })
      .strict(),
    /** Only a vault knows whether a certificate was voided after its PDF was made. */
    voidStatus: z
      .object({ status: established('not voided', 'voided'), message: z.string() })
      .strict(),
    revocation: z
      .object({
        status: established('not revoked', 'revoked', 'not applicable'),
        message: z.string(),
      })
      .strict(),
  })
  .strict();
export type VerificationResultData = z.infer<typeof VerificationResultSchema>;

/** A verified file, and what the vault knows of the certificate it names. */
export const DocumentVerificationSchema = z
  .object({
    /** The file's name (not its folder). */
    fileName: z.string(),
    sha256: z.string(),
    result: VerificationResultSchema,
    vault: z
      .object({
        certificateId: z.number().int(),
        number: z.string(),
        state: z.string(),
        /** The file is byte for byte a document this vault signed (and which one). */
        storedDocument: z.enum(documentKinds).nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type DocumentVerification = z.infer<typeof DocumentVerificationSchema>;

export const documentsContract = {
  'identity:get': { input: noInput, output: IdentitySummarySchema.nullable() },
  'identity:generate': {
    input: GenerateIdentitySchema,
    output: z
      .object({ identity: IdentitySummarySchema, certificationRequestPem: z.string() })
      .strict(),
  },
  'identity:import': {
    input: ImportIdentitySchema,
    output: z.union([IdentitySummarySchema, CancelledSchema]),
  },
  /**
   * The certificate a CA issued for the generated key's request (CSR), with its chain: a PEM or
   * DER file chosen in main's open dialog. Administrators only; IDENTITY_INVALID when it is not
   * for this key, not fit for signing, not valid now, or its chain does not link.
   */
  'identity:importCertificate': {
    input: noInput,
    output: z.union([IdentitySummarySchema, CancelledSchema]),
  },
  /** Page 1 as an SVG document (792 × 612 units), from the same layout as the PDF. */
  'documents:preview': {
    input: z.object({ certificateId }).strict(),
    output: z.object({ svg: z.string() }).strict(),
  },
  'documents:sign': {
    input: z.object({ certificateId }).strict(),
    output: SignedDocumentSchema,
  },
  /**
   * The current signed document of the kind; or, with `documentId`, that stored one. A superseded
   * document is saved only with `superseded: true` (DOCUMENT_SUPERSEDED otherwise), under a name
   * that says it is superseded.
   */
  'documents:save': {
    input: z
      .object({
        certificateId,
        kind: z.enum(documentKinds).default('certificate'),
        documentId: z.number().int().min(1).optional(),
        superseded: z.literal(true).optional(),
      })
      .strict(),
    output: SavedFileSchema,
  },
  'documents:printOverlay': {
    input: z.object({ certificateId }).strict(),
    output: SavedFileSchema,
  },
  'documents:printCalibration': { input: noInput, output: SavedFileSchema },
  'documents:verify': {
    input: noInput,
    output: z.union([DocumentVerificationSchema, CancelledSchema]),
  },
  /** The certificate's signed documents, oldest first, each current or superseded. */
  'documents:list': {
    input: z.object({ certificateId }).strict(),
    output: z.object({ documents: z.array(StoredDocumentSchema) }).strict(),
  },
} as const;
