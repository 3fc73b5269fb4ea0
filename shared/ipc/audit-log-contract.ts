// The Audit log channels (issue 14): a page of events (keyset-paged, filtered) and the CSV export
// of every event the filter selects, to a file chosen in main's save dialog. The core checks the
// signed-in user's role (reviewers and administrators).
import {
  AuditLogExportResultSchema,
  AuditLogExportSchema,
  AuditLogListSchema,
  AuditLogPageSchema,
} from '../audit-log/audit-log-query';

export const auditLogContract = {
  'audit:list': { input: AuditLogListSchema, output: AuditLogPageSchema },
  'audit:export': { input: AuditLogExportSchema, output: AuditLogExportResultSchema },
} as const;
