// The audit log as CSV, written to the file the user chose in main's save dialog: every event the
// filter selects (not only the page on screen), newest first, read a page at a time so that a log
// of millions never sits in memory. The file is written beside the target and renamed into place
// at the end, so a failure never leaves a half export under the chosen name.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditLogCursor, AuditLogFilter } from '../../../shared/audit-log/audit-log-query';
import { auditActionText } from '../../../shared/audit-log/audit-action-words';
import { readAuditPage } from './read-audit-page';
import { csvLine } from '../table-files/csv-cell';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'time_utc',
  'user',
  'action',
  'action_words',
  'certificate',
  'record_type',
  'record_id',
  'details',
] as const;

const EXPORT_PAGE = 1000;

/** Writes the CSV and returns the number of events in it. */
export function writeAuditCsv(db: Database, filter: AuditLogFilter, path: string): number {
  const partial = `${path}.part`;
  const fd = openSync(partial, 'w', 0o600);
  let count = 0;
  try {
    writeSync(fd, csvLine(AUDIT_CSV_COLUMNS));
    // One read transaction: the export is the log as of one instant, even while others write
    // (deferred: it never holds the write lock, immediate-transactions.ts).
    const read = (): void => {
      let after: AuditLogCursor | null = null;
      do {
        const page = readAuditPage(db, filter, after, EXPORT_PAGE);
        let text = '';
        for (const event of page.events)
          text += csvLine([
            String(event.seq),
            event.at,
            event.userName ?? 'KP Desk',
            event.action,
            auditActionText(event.action),
            event.certificateNumber ?? '',
            event.entityType,
            event.entityId,
            event.details,
          ]);
        writeSync(fd, text);
        count += page.events.length;
        after = page.next;
      } while (after !== null);
    };
    db.transaction(read).deferred();
    closeSync(fd);
    renameSync(partial, path);
    return count;
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(partial, { force: true });
    throw error;
  }
}
