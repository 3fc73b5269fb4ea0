// The audit package channel (issue 14, part 3): export the signed, encrypted package of the whole
// record to a file chosen in main's save dialog (administrators and reviewers, checked in the
// core before the dialog opens). The passphrase is the package's own, typed twice in the
// renderer; it is never stored or logged.
import { z } from 'zod';
import { personText } from '../records/person-text';

export const AUDIT_PACKAGE_MIN_PASSPHRASE = 12;

export const AuditPackageExportRequestSchema = z
  .object({
    passphrase: z.string().min(1).max(1024),
    // Typed by a person: the shared rule names a hostile character (issue 13 part 5).
    period: personText('name', 'period').min(1).max(40).optional(),
  })
  .strict();

export const auditPackageContract = {
  'auditPackage:export': {
    input: AuditPackageExportRequestSchema,
    output: z.union([
      z.object({ cancelled: z.literal(true) }).strict(),
      z
        .object({
          cancelled: z.literal(false),
          path: z.string(),
          bytes: z.number().int().positive(),
          sha256: z.string(),
          headSeq: z.number().int().nonnegative(),
          headHash: z.string(),
          documents: z.number().int().nonnegative(),
          signer: z.string(),
        })
        .strict(),
    ]),
  },
} as const;
