// The full review benchmark (issue 14, "Performance"): a full review of a vault of N
// certificates with every signed PDF verified (the audit chain, each PDF against its record with
// the page written again and compared, and the record checks). Goal: N = 10,000 in ≤ 20 s on two
// cores. The vault is built through the app's own services (draft, ITN, issue, sign and store
// the PDF, ship), so every PDF is a real signed, sealed certificate; building it takes far longer
// than the review and is not timed. KP_BENCH_CERTIFICATES sets N (default 10,000); a smaller N
// prints its own figures and, marked as such, the time per certificate times 10,000.
// Run: npm run bench:review. bench/README.md explains each row.
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReview } from '../electron/core/review/review-service';
import type { ReviewProgress } from '../electron/core/review/review-service';
import { documentOperationsFor } from '../electron/core/vault/document-gateway-groups';
import { openDatabase } from '../electron/core/vault/open-database';
import { createVaultServices } from '../electron/core/vault/vault-services';
import {
  buildBenchVault,
  existingAdministrator,
  mainThreadCpuMs,
  markBuilt,
  profiled,
  vaultPlace,
  wantedCertificates,
} from './bench-vault';

const GOAL_MS = 20_000;
/** Built beside this bundle's folder by `npm run bench:review`, as the app and the CLI ship it:
 * the audit verification's second thread. */
const AUDIT_WORKER = fileURLToPath(new URL('../electron/audit-verify-worker.mjs', import.meta.url));
const GOAL_CERTIFICATES = 10_000;

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function main(): Promise<void> {
  const total = wantedCertificates(GOAL_CERTIFICATES);
  const place = vaultPlace(total, 'kp-review-bench-');
  const { dir } = place;
  const clock = { now: new Date('2026-11-27T10:00:00.000Z') };
  const now = () => clock.now;
  const db = openDatabase(join(dir, 'vault.kpdb'), place.key, { create: !place.built });
  try {
    const services = createVaultServices(db, {
      now,
      passwordHashing: { N: 1024, r: 8, p: 1 },
      ...(existsSync(AUDIT_WORKER)
        ? { auditHelper: { workerFile: AUDIT_WORKER, key: place.key } }
        : {}),
    });
    const documents = documentOperationsFor(db, { now, resourcesDir: undefined });
    const buildStart = performance.now();
    const actor = place.built
      ? existingAdministrator(db)
      : await buildBenchVault(services, documents, total);
    const buildMs = performance.now() - buildStart;
    markBuilt(place);

    type Spent = { wall: number; cpu: number; mainCpu: number };
    const phaseSpent: Record<ReviewProgress['phase'], Spent> = {
      verify: { wall: 0, cpu: 0, mainCpu: 0 },
      documents: { wall: 0, cpu: 0, mainCpu: 0 },
      records: { wall: 0, cpu: 0, mainCpu: 0 },
    };
    // The wall, all threads' CPU and the main thread's CPU at an instant (read at phase changes
    // only: three times a review).
    const instant = (): Spent => {
      const { user, system } = process.cpuUsage();
      return {
        wall: performance.now(),
        cpu: (user + system) / 1000,
        mainCpu: mainThreadCpuMs() ?? 0,
      };
    };
    // Written by the progress callback: the phase running and when it started.
    const current: { phase: ReviewProgress['phase'] | null; start: Spent } = {
      phase: null,
      start: { wall: 0, cpu: 0, mainCpu: 0 },
    };
    const closePhase = (at: Spent): void => {
      if (current.phase === null) return;
      const spent = phaseSpent[current.phase];
      spent.wall += at.wall - current.start.wall;
      spent.cpu += at.cpu - current.start.cpu;
      spent.mainCpu += at.mainCpu - current.start.mainCpu;
    };
    // Written by the review when the documents phase ends.
    const documentShares: { value: { here: number; helper: number } | null } = { value: null };
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    const mainCpuBefore = mainThreadCpuMs();
    const report = await profiled(() =>
      runReview(
        {
          db,
          services,
          documents,
          now,
          vaultId: null,
          onDocumentShares: (shares) => {
            documentShares.value = shares;
          },
          onProgress: ({ phase: next }) => {
            if (next === current.phase) return;
            const at = instant();
            closePhase(at);
            current.phase = next;
            current.start = at;
          },
        },
        actor,
        {},
      ),
    );
    const wallMs = performance.now() - start;
    closePhase(instant());
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const mainCpuAfter = mainThreadCpuMs();
    const mainCpuMs =
      mainCpuBefore === undefined || mainCpuAfter === undefined
        ? undefined
        : mainCpuAfter - mainCpuBefore;
    const load = loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');

    out(
      `Full review of ${String(total)} certificates (${String(report.checked.documents)} signed PDFs, ${String(report.checked.auditEvents)} audit events)`,
    );
    out(`  machine: ${String(cpus().length)} cores, load average ${load}`);
    out(`  building the vault (not timed against the goal): ${(buildMs / 1000).toFixed(1)} s`);
    out(
      `  review wall: ${(wallMs / 1000).toFixed(2)} s; CPU of this process (all threads): ${(cpuMs / 1000).toFixed(2)} s; of its main thread: ${mainCpuMs === undefined ? 'n/a' : `${(mainCpuMs / 1000).toFixed(2)} s`}`,
    );
    // Per phase, in the order the review runs them: wall, CPU of all threads, of the main thread.
    const phaseLine = (name: string, spent: Spent, each = ''): void => {
      out(
        `    ${name} wall ${(spent.wall / 1000).toFixed(2)} s${each}; CPU all threads ${(spent.cpu / 1000).toFixed(2)} s, main thread ${(spent.mainCpu / 1000).toFixed(2)} s`,
      );
    };
    const perDocument = phaseSpent.documents.wall / Math.max(1, report.checked.documents);
    phaseLine('signed PDFs:', phaseSpent.documents, ` (${perDocument.toFixed(2)} ms each)`);
    const shares = documentShares.value;
    if (shares !== null)
      out(
        `      PDFs verified by the main thread ${String(shares.here)}, by the helper ${String(shares.helper)}`,
      );
    phaseLine('audit chain:', phaseSpent.verify);
    phaseLine('records:    ', phaseSpent.records);
    out(
      `  findings: ${String(report.counts.error)} errors, ${String(report.counts.warning)} warnings, ${String(report.counts.info)} info`,
    );
    const scaled = (wallMs * GOAL_CERTIFICATES) / total;
    const label =
      total === GOAL_CERTIFICATES
        ? 'measured'
        : `projected from ${String(total)} (per certificate × 10,000)`;
    // On a shared machine the wall clock includes other processes' time; the CPU time does not.
    const scaledCpu = (cpuMs * GOAL_CERTIFICATES) / total;
    out(
      `  10,000 certificates by this process's CPU time (all threads), ${label}: ${(scaledCpu / 1000).toFixed(1)} s`,
    );
    // The main thread works from start to end, the helper threads beside it: on an idle machine
    // with a core for each thread, the wall time is about the main thread's CPU time.
    if (mainCpuMs !== undefined) {
      const scaledMain = (mainCpuMs * GOAL_CERTIFICATES) / total;
      out(
        `  10,000 certificates by the main thread's CPU time (the wall time on an idle two-core machine), ${label}: ${(scaledMain / 1000).toFixed(1)} s; goal ≤ 20 s → ${scaledMain <= GOAL_MS ? 'OK' : 'MISS'}`,
      );
    }
    out(
      `  10,000 certificates, ${label}: ${(scaled / 1000).toFixed(1)} s; goal ≤ 20 s; ratio ${(scaled / GOAL_MS).toFixed(2)}× the goal → ${scaled <= GOAL_MS ? 'OK' : 'MISS'}`,
    );
  } finally {
    db.close();
    if (!place.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
