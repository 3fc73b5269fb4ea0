// What tasks:progress answers while a long task runs (null when none does): the renderer polls it
// during vault:backup, vault:restore and audit:verify, over IPC and the preview bridge alike.
import { z } from 'zod';

export const TaskProgressSchema = z
  .object({
    operation: z.enum(['backup', 'restore', 'audit', 'review', 'rekey']),
    /** snapshot/write (backup); verify/check/replace (restore); verify (audit: units of work);
     * verify/documents/records (review: the audit chain, each signed PDF, the other checks);
     * wrap/rekey/record (rekey: the new key wrapped, the database re-encrypted, the event). */
    phase: z.enum([
      'snapshot',
      'write',
      'verify',
      'check',
      'replace',
      'documents',
      'records',
      'wrap',
      'rekey',
      'record',
    ]),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .strict();

export type TaskProgress = z.output<typeof TaskProgressSchema>;

const cancelled = z.object({ cancelled: z.literal(true) }).strict();

/** vault:backup: the file written, or the user cancelled the save dialog. */
export const BackupResultSchema = z.union([
  cancelled,
  z
    .object({
      cancelled: z.literal(false),
      path: z.string(),
      bytes: z.number().int(),
      createdAt: z.string(),
      schemaVersion: z.number().int(),
    })
    .strict(),
]);

/** vault:restore: what was restored (the vault is then locked), or the user cancelled. */
export const RestoreResultSchema = z.union([
  cancelled,
  z
    .object({
      cancelled: z.literal(false),
      /** When the restored backup was made. */
      createdAt: z.string(),
      schemaVersion: z.number().int(),
      /** Where the replaced vault was kept (never deleted); null if there was none. */
      previousVaultPath: z.string().nullable(),
      /** False for an old (format 1) backup: its date is not proven by a MAC. */
      manifestAuthenticated: z.boolean(),
      /** Audit events of the replaced vault that the restored one does not hold (confirmed). */
      eventsDropped: z.number().int().nonnegative(),
      /** The restored vault's audit head, the restore's own event included. */
      auditHead: z.object({ seq: z.number().int(), hash: z.string() }).strict(),
    })
    .strict(),
]);
