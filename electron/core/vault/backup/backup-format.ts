// The one-file backup format (docs/backup-format.md): a fixed header line naming the format, the
// manifest's length and its SHA-256 (and, from format 2, the manifest's MAC under a key derived
// from the vault key: manifest-mac.ts); the manifest as one line of JSON; then each file's bytes
// in manifest order. Every byte of a backup is covered by a check, so a damaged or truncated file
// is refused before anything is restored, and a manifest changed with recomputed checksums fails
// its MAC once the vault key is known.
import { z } from 'zod';

/** The format written; format 1 (no MAC, no audit head) is still read. */
export const BACKUP_FORMAT = 2;
export const LEGACY_BACKUP_FORMAT = 1;
export const BACKUP_MAGIC = 'KPDESK-BACKUP';
/** A manifest names at most two files; anything longer is not one of ours. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
/** Longest possible header line: magic, format, two times 64 hex digits, a length, spaces, newline. */
export const MAX_HEADER_BYTES = 256;
/** The key file holds only wrapped keys and a few parameters; it is never large. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

export const DATABASE_FILE_NAME = 'vault.kpdb';
export const KEY_FILE_NAME = 'vault.keys.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

export const BackupFileEntrySchema = z
  .object({
    name: z.enum([DATABASE_FILE_NAME, KEY_FILE_NAME]),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sha256: sha256Hex,
  })
  .strict();

const filesSchema = z
  .array(BackupFileEntrySchema)
  .min(1)
  .max(2)
  .refine((files) => files[0]?.name === DATABASE_FILE_NAME, 'the vault database comes first')
  .refine(
    (files) => new Set(files.map((f) => f.name)).size === files.length,
    'each file appears once',
  );

/** The snapshot's audit chain head (chain-head.ts): an anchor that left the vault. */
export const ManifestAuditHeadSchema = z
  .object({
    seq: z.number().int().min(0),
    hash: sha256Hex,
    at: z.iso.datetime().nullable(),
  })
  .strict();

const common = {
  app: z.literal('KP Desk'),
  appVersion: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().min(1),
  vaultId: z.string().min(1).max(200).optional(),
  files: filesSchema,
};

export const LegacyBackupManifestSchema = z
  .object({ format: z.literal(LEGACY_BACKUP_FORMAT), ...common })
  .strict();

export const CurrentBackupManifestSchema = z
  .object({ format: z.literal(BACKUP_FORMAT), ...common, auditHead: ManifestAuditHeadSchema })
  .strict();

export const BackupManifestSchema = z.discriminatedUnion('format', [
  LegacyBackupManifestSchema,
  CurrentBackupManifestSchema,
]);

export type BackupFileEntry = z.infer<typeof BackupFileEntrySchema>;
export type BackupManifest = z.infer<typeof BackupManifestSchema>;
export type CurrentBackupManifest = z.infer<typeof CurrentBackupManifestSchema>;

export type BackupHeader = {
  format: number;
  manifestSha256: string;
  manifestLength: number;
  /** Format 2: HMAC-SHA256 of the manifest under the vault's manifest key (manifest-mac.ts). */
  manifestMac?: string;
};

export function formatHeaderLine(header: BackupHeader): string {
  const mac = header.manifestMac === undefined ? '' : ` ${header.manifestMac}`;
  return `${BACKUP_MAGIC} ${header.format} ${header.manifestSha256} ${header.manifestLength}${mac}\n`;
}

const headerPattern = new RegExp(
  `^${BACKUP_MAGIC} (\\d{1,4}) ([0-9a-f]{64}) (\\d{1,6})(?: ([0-9a-f]{64}))?$`,
);

/** Parses the first line (without its newline); undefined when it is not a backup header. */
export function parseHeaderLine(line: string): BackupHeader | undefined {
  const match = headerPattern.exec(line);
  if (match === null) return undefined;
  const [, format, manifestSha256, length, mac] = match;
  if (format === undefined || manifestSha256 === undefined || length === undefined)
    return undefined;
  const header = { format: Number(format), manifestSha256, manifestLength: Number(length) };
  return mac === undefined ? header : { ...header, manifestMac: mac };
}

/** What a backup or restore reports as it goes: bytes done of bytes to do in the current phase. */
export type BackupProgress = {
  phase: 'snapshot' | 'write' | 'verify' | 'check' | 'replace';
  done: number;
  total: number;
};

export type ProgressListener = (progress: BackupProgress) => void;
