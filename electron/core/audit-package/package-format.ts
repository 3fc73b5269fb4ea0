// The audit package's format (docs/audit-package.md, schema docs/schemas/audit-package-manifest
// .schema.json): one file a licensee gives a USKPA reviewer or a US agency, who may open it years
// later (31 CFR 501.601: records kept ten years). Outside: a header line, a header JSON line
// (format, cipher, chunk size, KDF parameters, passphrase check), then the payload sealed in
// AES-256-GCM chunks. Inside: a POSIX ustar archive whose last two entries are the manifest
// (SHA-256 of every other entry) and its detached CMS signature by the licensee's identity.
import { z } from 'zod';

export const PACKAGE_MAGIC = 'KPDESK-AUDIT-PACKAGE';
export const PACKAGE_FORMAT = 1;
/** Plaintext bytes per sealed chunk (the last chunk may be shorter, even empty). */
export const CHUNK_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
/** The header JSON is small; anything longer is not one of ours. */
export const MAX_HEADER_BYTES = 4096;

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.json.p7s';
export const EVENTS_ENTRY = 'audit/events.jsonl';
export const HEAD_ENTRY = 'audit/head.txt';
export const WITHHELD_ENTRY = 'records/withheld-digests.json';
export const recordsEntry = (table: string): string => `records/${table}.json`;
export const documentEntry = (attachmentId: number, extension: string): string =>
  `documents/${String(attachmentId)}.${extension}`;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const PackageKdfSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 10)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: z.base64().min(16),
  })
  .strict();

export const PackageHeaderSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    cipher: z.literal('aes-256-gcm'),
    chunkBytes: z.literal(CHUNK_BYTES),
    kdf: PackageKdfSchema,
    /** 7 random bytes: the first part of every chunk's 12-byte nonce. */
    noncePrefix: z.base64().length(12),
    /** HMAC-SHA256 under the passphrase's check key: tells a wrong passphrase from altered bytes. */
    keyCheck: sha256Hex,
  })
  .strict();

export type PackageHeader = z.infer<typeof PackageHeaderSchema>;

export const ManifestEntrySchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(99)
      .regex(/^[a-z0-9][a-z0-9_./-]*$/),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sha256: sha256Hex,
  })
  .strict();

export const ManifestHeadSchema = z
  .object({
    seq: z.number().int().min(0),
    hash: sha256Hex,
    at: z.iso.datetime().nullable(),
    /** The same head as one `kpdesk audit head` line (docs/audit-anchors.md). */
    line: z.string().min(1).max(400),
  })
  .strict();

export const AuditPackageManifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    app: z.literal('KP Desk'),
    appVersion: z.string().min(1).max(64),
    createdAt: z.iso.datetime(),
    schemaVersion: z.number().int().min(1),
    vaultId: z.string().min(1).max(200).nullable(),
    licensee: z.string().max(300).nullable(),
    exportedBy: z.string().min(1).max(300),
    /** The period the licensee named for the review (the package always holds the whole record). */
    period: z.string().min(1).max(40).nullable(),
    auditHead: ManifestHeadSchema,
    tables: z.array(z.string().regex(/^[a-z_]{1,64}$/)),
    entries: z.array(ManifestEntrySchema),
  })
  .strict();

export type AuditPackageManifest = z.infer<typeof AuditPackageManifestSchema>;
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
