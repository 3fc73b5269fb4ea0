// The app's "Check the record" against an anchor file (issue 13 part 1): a head file, a signed
// certificate PDF, a backup or a receipts export, chosen in main's open dialog (never named by
// the renderer); or, with `storedReceipts`, against the USKPA receipts stored in the vault. The
// answer names each anchor by its file name only, with its verdict, and where the first event
// that differs lies when the chain contradicts one.
import { z } from 'zod';

const CheckAnchorsInputSchema = z
  .object({
    /** No file: the USKPA receipts stored in the vault, each verified against the pinned CA. */
    storedReceipts: z.boolean().optional(),
  })
  .strict();

export const AnchorCheckSchema = z.union([
  z.object({ cancelled: z.literal(true) }).strict(),
  z
    .object({
      cancelled: z.literal(false),
      /** True when every anchor read holds and the file could be read as one. */
      ok: z.boolean(),
      vaultHeadSeq: z.number().int(),
      verdicts: z.array(
        z
          .object({
            source: z.string(),
            kind: z.enum(['head-file', 'backup', 'signed-certificate', 'receipt']),
            seq: z.number().int(),
            status: z.enum(['holds', 'contradicted', 'other-vault']),
            message: z.string(),
          })
          .strict(),
      ),
      firstDifference: z
        .object({ from: z.number().int(), to: z.number().int(), message: z.string() })
        .strict()
        .nullable(),
      problems: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
      ignored: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
    })
    .strict(),
]);
export type AnchorCheck = z.infer<typeof AnchorCheckSchema>;

export const auditAnchorsContract = {
  'audit:checkAnchors': { input: CheckAnchorsInputSchema, output: AnchorCheckSchema },
} as const;
