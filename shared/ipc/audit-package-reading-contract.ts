// Reading an audit package in the app (issue 14, part 3): a reviewer opens a package a licensee
// exported, on any computer, before any vault exists or with this computer's vault locked. The
// package file and the certificate to trust come from main's open dialogs (never a path from the
// renderer); the passphrase is the package's own. Once every check of docs/audit-package.md has
// passed, its records are served read-only from a temporary vault (package-reading-access.ts
// names the channels that answer meanwhile; every other is refused, AUDIT_PACKAGE_READ_ONLY)
// until the package is closed, which deletes that vault.
import { z } from 'zod';

export const PackageCheckSchema = z
  .object({
    check: z.enum(['decryption', 'signature', 'entries', 'audit-chain', 'documents']),
    status: z.enum(['passed', 'warning', 'failed']),
    message: z.string(),
  })
  .strict();

/** What the banner of every screen says about the package being read. */
export const OpenPackageInfoSchema = z
  .object({
    file: z.string(),
    /** The SHA-256 of the package file, to compare with the one the licensee gave separately. */
    sha256: z.string(),
    licensee: z.string().nullable(),
    exportedAt: z.string(),
    exportedBy: z.string(),
    period: z.string().nullable(),
    headSeq: z.number().int().nonnegative(),
    headHash: z.string(),
    /** Trusted only when the signer chains to the certificate chosen on this computer. */
    signature: z
      .object({
        status: z.enum(['trusted', 'untrusted']),
        signer: z.string().nullable(),
        message: z.string(),
      })
      .strict(),
    checks: z.array(PackageCheckSchema),
  })
  .strict();

export type OpenPackageInfo = z.infer<typeof OpenPackageInfoSchema>;

export const auditPackageReadingContract = {
  'auditPackage:open': {
    input: z
      .object({
        passphrase: z.string().min(1).max(1024),
        /** Ask for the licensee's certificate to trust (a second open dialog). */
        chooseTrust: z.boolean().default(false),
      })
      .strict(),
    output: z.union([
      z.object({ cancelled: z.literal(true) }).strict(),
      z.object({ cancelled: z.literal(false), package: OpenPackageInfoSchema }).strict(),
    ]),
  },
  'auditPackage:current': {
    input: z.object({}).strict(),
    output: OpenPackageInfoSchema.nullable(),
  },
  'auditPackage:close': {
    input: z.object({}).strict(),
    output: z.object({ closed: z.boolean() }).strict(),
  },
} as const;
