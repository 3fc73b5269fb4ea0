// Issue 13, part 6, measured on the benchmark's vault: issuing while a full verification runs
// beside it (its own thread, connection and snapshot), the check at unlock from a proved head,
// and the re-key of the vault. Issuing here is the issuance service's `issue` of a VALIDATED
// certificate (its row, the stock, the USKPA copy queued and their audit events, in one
// committed transaction), each on a spare form; the draft and its ITN before it are untimed.
// It all runs on a copy of the vault, so that a reused KP_BENCH_DIR vault keeps its spare forms
// (the insert measure takes them) and its chain as built.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { checkSinceVerifiedHead } from '../../electron/core/audit-check/check-since-verified-head';
import type { SnapshotHead } from '../../electron/core/audit-check/snapshot-verification';
import { verifyBesideIssuing } from '../../electron/core/audit-check/verify-beside-issuing';
import { recordVerifiedHead } from '../../electron/core/audit-check/verified-heads';
import { createAuditWriter } from '../../electron/core/vault/audit/audit-chain';
import { openDatabase } from '../../electron/core/vault/open-database';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { benchCertificateDraft } from '../bench-certificate';
import type { TableRow } from './report-table';
import { formatTable, ms, verdict } from './report-table';
import type { Timing } from './sampling';
import { summarize } from './sampling';
import { storedBounds } from '../../electron/core/vault/audit/audit-event-tables';

const IDLE_WARMUP = 10;
const IDLE_RUNS = 60;
const P95_RATIO_GOAL = 2;
const UNLOCK_GOAL_MS = 1_000;
/** Events of one day at 1,000,000 certificates: 6,828,187 events over ten years (3,652 days). */
const DAY_AT_1M = Math.round(6_828_187 / 3_652);

const now = (): Date => new Date('2026-11-27T15:00:00Z');
const OPERATOR = { userId: 2, role: 'operator' as const };
const packaging = {
  description: '2 sealed parcels in a tamper-resistant box',
  sealNumbers: ['S-1'],
};
const warranty = {
  statement:
    'The diamonds herein invoiced have been purchased from legitimate sources not involved in funding conflict.',
  invoiceNumbers: ['INV-7'],
};

function timeMs(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

type Issuer = { issueNext: () => number; issued: () => number };

/** Drafts the next spare form with its ITN (untimed), then times its issue. */
function createIssuer(db: Database): Issuer {
  const services = createVaultServices(db, { now });
  const spare = db
    .prepare<[], string>(
      "SELECT number FROM stock WHERE status = 'available' ORDER BY number LIMIT 1",
    )
    .pluck();
  let count = 0;
  return {
    issueNext: () => {
      const number = spare.get();
      if (number === undefined) throw new Error('the benchmark vault has no spare form left');
      const { id } = services.issuance.createDraft(OPERATOR, {
        number,
        draft: benchCertificateDraft(number),
      });
      services.issuance.recordItn(OPERATOR, { id, itn: 'X20261127123456' });
      const took = timeMs(() =>
        services.issuance.issue(OPERATOR, { id, attested: true, packaging, warranty }),
      );
      count += 1;
      return took;
    },
    issued: () => count,
  };
}

type During = { timing: Timing; seconds: number; ok: boolean; head: SnapshotHead; cpu: number };

/** Issues one certificate after another until the verification beside them has ended. */
async function issueDuringVerification(
  db: Database,
  issuer: Issuer,
  key: Buffer,
  workerFile: string,
): Promise<During> {
  let snapshotTaken: () => void = () => undefined;
  const taken = new Promise<void>((resolve) => {
    snapshotTaken = resolve;
  });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const run = verifyBesideIssuing({ path: db.name, key, workerFile, onSnapshot: snapshotTaken });
  const state = { finished: false };
  const done = run.done.finally(() => {
    state.finished = true;
  });
  await taken;
  const samples: number[] = [];
  while (!state.finished) {
    samples.push(issuer.issueNext());
    // Lets the verification's messages (and its end) arrive between two issues.
    await nextTurn();
  }
  const report = await done;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    timing: summarize(samples),
    seconds: (performance.now() - started) / 1000,
    ok: report.ok,
    head: report.head,
    cpu: (cpu.user + cpu.system) / 1e6,
  };
}

/** A proved head `events` before the chain's end, as if a full verification had proved it. */
function unlockCheckFrom(db: Database, events: number): Timing {
  const high = storedBounds(db)?.high ?? 0;
  const seq = Math.max(0, high - events);
  const hash = db
    .prepare<[number], string>('SELECT hash FROM audit_events WHERE seq = ?')
    .pluck()
    .get(seq);
  if (hash === undefined) throw new Error(`no audit event ${String(seq)}`);
  recordVerifiedHead(
    db,
    createAuditWriter(db, now),
    { ok: true, eventsChecked: seq, head: { seq, hash } },
    null,
    now,
  );
  const samples: number[] = [];
  for (let i = 0; i < 23; i += 1) {
    const took = timeMs(() => {
      const check = checkSinceVerifiedHead(db);
      if (check.state !== 'ok')
        throw new Error(`the check at unlock found ${JSON.stringify(check)}`);
    });
    if (i >= 3) samples.push(took);
  }
  return summarize(samples);
}

/** SQLCipher's re-encryption of the (copied) vault under a new key, as rekey-vault.ts runs it. */
function rekey(copy: string, key: Buffer): { seconds: number; bytes: number } {
  const db = openDatabase(copy, key, { create: false });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = statSync(copy).size;
    const started = performance.now();
    db.pragma('journal_mode = DELETE');
    const newKey = Buffer.alloc(32, 7);
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    db.pragma('journal_mode = WAL');
    return { seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    db.close();
  }
}

/** The vault file (and its WAL) copied into a fresh folder: the measures below write. */
function copyVault(path: string): { dir: string; copy: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kp-beside-bench-'));
  const copy = join(dir, 'vault.kpvault');
  copyFileSync(path, copy);
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
  return { dir, copy };
}

export async function measureBesideIssuing(
  path: string,
  key: Buffer,
  workerFile: string,
): Promise<{ table: string; notes: string[] }> {
  const { dir, copy } = copyVault(path);
  try {
    return await measureOnCopy(copy, key, workerFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureOnCopy(
  path: string,
  key: Buffer,
  workerFile: string,
): Promise<{ table: string; notes: string[] }> {
  const rows: TableRow[] = [];
  const notes: string[] = [];
  const db = openDatabase(path, key, { create: false });
  try {
    const issuer = createIssuer(db);
    for (let i = 0; i < IDLE_WARMUP; i += 1) issuer.issueNext();
    const idle = summarize(Array.from({ length: IDLE_RUNS }, () => issuer.issueNext()));
    rows.push({
      measure: `issue, idle (${String(idle.runs)} runs)`,
      figure: `p50 ${ms(idle.p50)}, p95 ${ms(idle.p95)}`,
      goal: '—',
      verdict: 'info',
    });
    const during = await issueDuringVerification(db, issuer, key, workerFile);
    const ratio = during.timing.p95 / idle.p95;
    rows.push({
      measure: `issue during a full verification beside it (${String(during.timing.runs)} runs)`,
      figure: `p50 ${ms(during.timing.p50)}, p95 ${ms(during.timing.p95)}`,
      goal: `p95 ≤ ${String(P95_RATIO_GOAL)}× idle`,
      verdict: verdict(ratio <= P95_RATIO_GOAL, `${ratio.toFixed(2)}×`),
    });
    rows.push({
      measure: `that full verification (own thread and snapshot, head ${String(during.head.seq)}, ${during.ok ? 'intact' : 'BROKEN'})`,
      figure: `${during.seconds.toFixed(1)} s wall (CPU of this process, both threads and issuing: ${during.cpu.toFixed(1)} s)`,
      goal: '—',
      verdict: 'info',
    });
    const events = db.prepare<[], number>('SELECT count(*) FROM audit_events').pluck().get() ?? 0;
    const dayHere = Math.max(1, Math.round(events / 3_652));
    for (const [label, day] of [
      [`a day at this size (${String(dayHere)} events)`, dayHere],
      [`a day at 1M (${String(DAY_AT_1M)} events)`, DAY_AT_1M],
    ] as const) {
      const check = unlockCheckFrom(db, day);
      rows.push({
        measure: `check at unlock from a proved head: ${label}`,
        figure: `p50 ${ms(check.p50)}, p95 ${ms(check.p95)} (${String(check.runs)} runs)`,
        goal: `≤ ${String(UNLOCK_GOAL_MS)} ms`,
        verdict: verdict(check.p95 <= UNLOCK_GOAL_MS),
      });
    }
    notes.push(
      `Issued ${String(issuer.issued())} certificates on spare forms of a copy of the vault.`,
    );
  } finally {
    db.close();
  }
  if (process.env.KP_BENCH_REKEY !== '0') {
    const rekeyed = rekey(path, key);
    rows.push({
      measure: `re-key: SQLCipher rekey of a copy of the vault (${(rekeyed.bytes / 1024 / 1024).toFixed(0)} MB)`,
      figure: `${rekeyed.seconds.toFixed(1)} s`,
      goal: '—',
      verdict: 'info',
    });
  }
  return { table: formatTable(rows), notes };
}
