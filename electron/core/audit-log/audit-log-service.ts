// The Audit log (issue 14): every event of the vault's hash-chained log, for reviewers and
// administrators. USKPA reviewers and US agencies review a licensee's records at least once every
// five years and read who did what, when (31 CFR 592.301; USKPA licence terms); an administrator
// answers for the log. An operator issues certificates and reads each record's own timeline, not
// the whole log, so the core refuses them (FORBIDDEN, naming who may). Reading writes nothing.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import {
  AuditLogExportSchema,
  AuditLogListSchema,
} from '../../../shared/audit-log/audit-log-query';
import type { AuditLogPage } from '../../../shared/audit-log/audit-log-query';
import type { UserRole } from '../../../shared/records/user-inputs';
import { authorize } from '../issuance/actor';
import { parseInput } from '../vault/repositories/parse-input';
import type { UserRepository } from '../vault/repositories/user-repository';
import { readAuditPage } from './read-audit-page';
import { writeAuditCsv } from './write-audit-csv';

export const AUDIT_LOG_READERS: readonly UserRole[] = ['administrator', 'reviewer'];

// The path comes from main's save dialog (audit-log-handlers.ts), never from the renderer.
const ExportToFileSchema = z
  .object({
    filter: AuditLogExportSchema.shape.filter,
    path: z
      .string()
      .min(2)
      .max(4096)
      .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'an absolute path'),
  })
  .strict();

export function createAuditLogService(db: Database, users: UserRepository) {
  const allow = (actor: unknown) =>
    authorize(users, actor, AUDIT_LOG_READERS, 'read the audit log');
  return {
    list: (actor: unknown, input: unknown): AuditLogPage => {
      allow(actor);
      const request = parseInput(AuditLogListSchema, input);
      return readAuditPage(db, request.filter, request.after, request.limit);
    },
    /** Before the save dialog opens: the role and the filter, so no dialog is shown in vain. */
    checkExport: (actor: unknown, input: unknown): void => {
      allow(actor);
      parseInput(AuditLogExportSchema, input);
    },
    exportCsv: (actor: unknown, input: unknown): { path: string; events: number } => {
      allow(actor);
      const request = parseInput(ExportToFileSchema, input);
      return { path: request.path, events: writeAuditCsv(db, request.filter, request.path) };
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;
