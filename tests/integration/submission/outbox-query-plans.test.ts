// Every statement the app runs on the outbox reads it through an index (issue 12: migration 0265
// dropped the full index outbox_pending, which every queued row paid for at its commit). The SQL
// is not copied here: it is recorded from the real modules as they prepare it on a real encrypted
// vault, then each statement is EXPLAINed. A statement that reads the outbox without an index
// (a plan line "SCAN o" / "SCAN outbox" with no "USING ... INDEX") fails the test, except the
// reads that by design visit every row (named below with the reason).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import { storedReceiptAnchors } from '../../../electron/core/vault/audit/receipt-anchors';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { createOutboxRepository } from '../../../electron/core/vault/repositories/outbox-repository';
import { createUserRepository } from '../../../electron/core/vault/repositories/user-repository';
import { createIncomingService } from '../../../electron/core/incoming/incoming-service';
import { readOutboxByCertificate } from '../../../electron/core/review/outbox-by-certificate';
import { createManualConfirmations } from '../../../electron/core/submission/manual-confirmations';
import { createOutboxDeliveries } from '../../../electron/core/submission/outbox-deliveries';
import { createOverdueDuties } from '../../../electron/core/submission/overdue-duties';
import { exportReceipts } from '../../../electron/core/submission/receipt-export';
import { createSubmissionQueries } from '../../../electron/core/submission/submission-queries';
import { auditPageQuery } from '../../../electron/core/audit-log/read-audit-page';

/** Reads that visit every outbox row by design, where a scan is the right plan. */
const WHOLE_TABLE_READS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /GROUP BY status, recipient/,
    why: 'the counts per status and recipient of `kpdesk submit`: every row is counted',
  },
  {
    pattern: /GROUP BY o\.certificate_id, o\.stock_number, o\.reason/,
    why: "overdue duties: every Census copy's duty is grouped (the review of 24-hour duties)",
  },
  {
    pattern: /WHERE o\.certificate_id IS NOT NULL\s+ORDER BY o\.id/,
    why: "the review: every certificate's messages are checked, read in the table's order",
  },
  {
    pattern:
      /FROM submission_receipts AS r JOIN outbox AS o ON o\.id = r\.outbox_id\s+LEFT JOIN certificates AS c ON c\.id = o\.certificate_id\s+LEFT JOIN incoming_certificates/,
    why: 'the export of every stored receipt, in the order of the rows (no sort)',
  },
];

let dir = '';
let db: Database;
const recorded = new Set<string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-outbox-plans-'));
  db = openDatabase(join(dir, 'vault.kpdb'), randomBytes(32), { create: true });
  const prepare = db.prepare.bind(db);
  // Records the SQL of every statement the modules below prepare, then prepares it as usual.
  db.prepare = (sql: string) => {
    recorded.add(sql);
    return prepare(sql);
  };
  const now = () => new Date('2026-11-27T10:00:00.000Z');
  const audit = createAuditWriter(db, now);
  const outbox = createOutboxRepository(db, now);
  const users = createUserRepository(db, now, { N: 1024, r: 8, p: 1 });
  outbox.listPending();
  outbox.listForCertificate(1);
  createOutboxDeliveries(db, now, audit);
  const queries = createSubmissionQueries(db);
  // Prepared when called: a certificate's submissions, with and without a status.
  queries.list({ certificateId: 1, limit: 10 });
  queries.list({ certificateId: 1, status: 'pending', limit: 10 });
  createManualConfirmations(db, now, audit);
  createOverdueDuties(db);
  createIncomingService({ db, users, outbox, audit, now });
  readOutboxByCertificate(db);
  storedReceiptAnchors(db);
  exportReceipts(
    db,
    () => null,
    () => undefined,
  );
  db.prepare = prepare;
  // The audit log's record filter (its outbox branch): its SQL, as readAuditPage prepares it.
  recorded.add(auditPageQuery(db, { certificateNumber: 'US10001' }, null, 50).sql);
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Binds NULL to every parameter: the plan does not depend on the values. */
function planOf(sql: string): string[] {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const withoutStrings = sql.replace(/'[^']*'/g, "''");
  const named = [...withoutStrings.matchAll(/@(\w+)/g)].map((match) => match[1] ?? '');
  const anonymous = (withoutStrings.match(/\?/g) ?? []).length;
  const params: unknown[] = Array.from({ length: anonymous }, () => null);
  if (named.length > 0) params.push(Object.fromEntries(named.map((name) => [name, null])));
  return (statement.all(...params) as { detail: string }[]).map((row) => row.detail);
}

const OUTBOX_SQL = /\b(FROM|JOIN|UPDATE|INTO)\s+outbox\b/i;
/** A full scan of the outbox table: "SCAN o" or "SCAN outbox", not "SCAN o USING ... INDEX". */
const TABLE_SCAN = /^SCAN (o|o2|outbox)\b(?!.*USING)/;

describe('the outbox statements and their plans', () => {
  it('records the statements of every module that reads or writes the outbox', () => {
    const outboxStatements = [...recorded].filter((sql) => OUTBOX_SQL.test(sql));
    // The insert, the due claim, the updates and the reads of each module: if a module stops
    // preparing its statements up front, this number says so instead of the test passing empty.
    expect(outboxStatements.length).toBeGreaterThanOrEqual(20);
  });

  it('reads every outbox row it needs through an index, not a scan of the table', () => {
    const scans: string[] = [];
    for (const sql of recorded) {
      if (!OUTBOX_SQL.test(sql)) continue;
      if (WHOLE_TABLE_READS.some(({ pattern }) => pattern.test(sql))) continue;
      const plan = planOf(sql);
      if (plan.some((line) => TABLE_SCAN.test(line)))
        scans.push(`${sql.replace(/\s+/g, ' ').slice(0, 160)}\n  ${plan.join('\n  ')}`);
    }
    expect(scans).toEqual([]);
  });

  it('reads the due rows (pending or failed) from the partial index outbox_due alone', () => {
    const due = [...recorded].filter(
      (sql) => /^\s*SELECT/.test(sql) && sql.includes("status IN ('pending', 'failed')"),
    );
    // The claim, the waiting count, the earliest due time and the pending list.
    expect(due.length).toBeGreaterThanOrEqual(4);
    for (const sql of due) {
      const reads = planOf(sql).filter((line) => /^(SCAN|SEARCH) (o|outbox)\b/.test(line));
      expect(reads, sql).toEqual([expect.stringMatching(/USING (COVERING )?INDEX outbox_due\b/)]);
    }
  });

  it('finds the deliveries a crash interrupted and the items that need the user without the due rows', () => {
    // The rows being sent, with their lease holders (delivery-lease.ts): from outbox_sending.
    const sending = [...recorded].find((text) => text.includes("WHERE o.status = 'sending'"));
    expect(sending).toBeDefined();
    const reads = planOf(sending ?? '').filter((line) => /^(SCAN|SEARCH) o\b/.test(line));
    expect(reads).toEqual([expect.stringMatching(/USING (COVERING )?INDEX outbox_sending\b/)]);
    const rejected = [...recorded].find((text) => text.includes("WHERE status = 'rejected'"));
    expect(rejected).toBeDefined();
    expect(planOf(rejected ?? '')).toEqual([
      expect.stringMatching(/USING COVERING INDEX outbox_rejected\b/),
    ]);
  });

  it('claims the next due row from the partial index outbox_due, in its order (no sort)', () => {
    const claim = [...recorded].find((sql) => sql.includes('INDEXED BY outbox_due'));
    expect(claim).toBeDefined();
    const plan = planOf(claim ?? '');
    expect(plan.some((line) => /outbox_due/.test(line))).toBe(true);
    expect(plan.some((line) => /TEMP B-TREE/.test(line))).toBe(false);
  });

  it("reads a certificate's rows as a range of the UNIQUE index by its number (migration 0300)", () => {
    const indexes = db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'",
      )
      .pluck()
      .all();
    expect(indexes).not.toContain('outbox_by_certificate');
    // Every statement that reads the rows of one certificate (or one duty) by its number.
    const ofCertificate = [...recorded].filter((sql) => /\|\| '0'/.test(sql));
    // The repository's list, the screens' list (twice) and per certificate, the audit log's
    // record filter and the overdue duties' newest copy.
    expect(ofCertificate.length).toBeGreaterThanOrEqual(6);
    for (const sql of ofCertificate) {
      // The alias whose key is ranged (the overdue duties' outer read of every Census copy is
      // a whole-table read by design, above).
      const alias = /(\w+)\.idempotency_key > /.exec(sql)?.[1] ?? '';
      const reads = planOf(sql).filter((line) => line.startsWith(`SEARCH ${alias} `));
      // Once, or once per audit table (the audit log reads the legacy and the compact table).
      expect(reads.length, sql).toBeGreaterThan(0);
      expect(new Set(reads), sql).toEqual(
        new Set([
          `SEARCH ${alias} USING INDEX sqlite_autoindex_outbox_1 (recipient=? AND idempotency_key>? AND idempotency_key<?)`,
        ]),
      );
      expect(
        planOf(sql).filter((line) => line.startsWith(`SCAN ${alias}`)),
        sql,
      ).toEqual([]);
    }
  });
});
