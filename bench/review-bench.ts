// The full review benchmark (issue 14, "Performance"): a full review of a vault of N
// certificates with every signed PDF verified (the audit chain, each PDF against its record with
// the page written again and compared, and the record checks). Goal: N = 10,000 in ≤ 20 s on two
// cores. The vault is built through the app's own services (draft, ITN, issue, sign and store
// the PDF, ship), so every PDF is a real signed, sealed certificate; building it takes far longer
// than the review and is not timed. KP_BENCH_CERTIFICATES sets N (default 10,000); a smaller N
// prints its own figures and, marked as such, the time per certificate times 10,000.
// Run: npm run bench:review. bench/README.md explains each row.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReview } from '../electron/core/review/review-service';
import type { ReviewProgress } from '../electron/core/review/review-service';
import { documentOperationsFor } from '../electron/core/vault/document-gateway-groups';
import type { DocumentOperations } from '../electron/core/vault/document-operations';
import { openDatabase } from '../electron/core/vault/open-database';
import type { VaultServices } from '../electron/core/vault/vault-services';
import { createVaultServices } from '../electron/core/vault/vault-services';
import { benchCertificateDraft } from './review-bench-draft';

const GOAL_MS = 20_000;
/** Built beside this bundle's folder by `npm run bench:review`, as the app and the CLI ship it:
 * the audit verification's second thread. */
const AUDIT_WORKER = fileURLToPath(new URL('../electron/audit-verify-worker.mjs', import.meta.url));
const GOAL_CERTIFICATES = 10_000;

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function wanted(): number {
  const text = process.env.KP_BENCH_CERTIFICATES ?? String(GOAL_CERTIFICATES);
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 10 || n > 99_999)
    throw new Error(`KP_BENCH_CERTIFICATES must be a whole number from 10 to 99999, not "${text}"`);
  return n;
}

/** KP_BENCH_VAULT_DIR keeps the built vault (and its key) there and reuses it on the next run
 * with the same N: building takes far longer than the review, and profiling needs many runs. */
function vaultPlace(total: number): { dir: string; keep: boolean; key: Buffer; built: boolean } {
  const named = process.env.KP_BENCH_VAULT_DIR;
  if (named === undefined || named === '')
    return {
      dir: mkdtempSync(join(tmpdir(), 'kp-review-bench-')),
      keep: false,
      key: randomBytes(32),
      built: false,
    };
  const dir = join(named, `n${String(total)}`);
  const keyFile = join(dir, 'vault.key');
  if (existsSync(join(dir, 'built')))
    return { dir, keep: true, key: readFileSync(keyFile), built: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key, { mode: 0o600 });
  return { dir, keep: true, key, built: false };
}

/** KP_BENCH_CPU_PROFILE=FILE writes a V8 CPU profile of the review alone (not the build). */
async function profiled<T>(run: () => Promise<T>): Promise<T> {
  const file = process.env.KP_BENCH_CPU_PROFILE;
  if (file === undefined || file === '') return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

type Actor = { userId: number; role: 'administrator' };

function existingAdministrator(db: Database): Actor {
  const id = db.prepare<[], number>("SELECT id FROM users WHERE username = 'ada'").pluck().get();
  if (id === undefined) throw new Error('The kept bench vault has no administrator: delete it.');
  return { userId: id, role: 'administrator' };
}

/** The vault the review reads, built through the app's own services (not timed). */
async function buildVault(
  services: VaultServices,
  documents: DocumentOperations,
  total: number,
): Promise<Actor> {
  const { issuance } = services;
  const admin = issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: 'bench password 1',
  });
  const actor: Actor = { userId: admin.id, role: 'administrator' };
  issuance.saveLicensee(actor, {
    legalName: 'Hudson Rough Diamond Trading LLC',
    address: '580 Fifth Avenue, Suite 1200, New York, NY 10036, United States',
    tin: '12-3456789',
    isCommonCarrier: false,
  });
  const first = 100_000;
  issuance.registerStock(actor, {
    numbers: `US${String(first)}-US${String(first + total - 1)}`,
    description: 'Bench book',
  });
  documents.identity.generate(actor, { signerName: 'Ada Admin' });
  for (let i = 0; i < total; i += 1) {
    const number = `US${String(first + i)}`;
    const { id } = issuance.createDraft(actor, { number, draft: benchCertificateDraft(number) });
    issuance.recordItn(actor, { id, itn: `X20261127${String(first + i).padStart(6, '0')}` });
    issuance.issue(actor, {
      id,
      attested: true,
      packaging: { description: 'Sealed tamper-evident box', sealNumbers: ['S-1'] },
      warranty: { statement: 'The diamonds herein invoiced…', invoiceNumbers: ['INV-1'] },
    });
    await documents.sign(actor, { certificateId: id });
    if (i % 2 === 0) issuance.ship(actor, { id, shipDate: '2026-11-27' });
    if ((i + 1) % 1000 === 0)
      process.stderr.write(`built ${String(i + 1)} of ${String(total)} certificates\n`);
  }
  return actor;
}

async function main(): Promise<void> {
  const total = wanted();
  const place = vaultPlace(total);
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
      : await buildVault(services, documents, total);
    const buildMs = performance.now() - buildStart;
    if (place.keep && !place.built) writeFileSync(join(dir, 'built'), new Date().toISOString());

    const phaseMs: Record<ReviewProgress['phase'], number> = {
      verify: 0,
      documents: 0,
      records: 0,
    };
    // Written by the progress callback: the phase running and when it started.
    const current: { phase: ReviewProgress['phase'] | null; start: number } = {
      phase: null,
      start: 0,
    };
    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await profiled(() =>
      runReview(
        {
          db,
          services,
          documents,
          now,
          vaultId: null,
          onProgress: ({ phase: next }) => {
            if (next === current.phase) return;
            const at = performance.now();
            if (current.phase !== null) phaseMs[current.phase] += at - current.start;
            current.phase = next;
            current.start = at;
          },
        },
        actor,
        {},
      ),
    );
    const wallMs = performance.now() - start;
    if (current.phase !== null) phaseMs[current.phase] += performance.now() - current.start;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const load = loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');

    out(
      `Full review of ${String(total)} certificates (${String(report.checked.documents)} signed PDFs, ${String(report.checked.auditEvents)} audit events)`,
    );
    out(`  machine: ${String(cpus().length)} cores, load average ${load}`);
    out(`  building the vault (not timed against the goal): ${(buildMs / 1000).toFixed(1)} s`);
    out(
      `  review wall: ${(wallMs / 1000).toFixed(2)} s; CPU of this process: ${(cpuMs / 1000).toFixed(2)} s`,
    );
    out(`    audit chain: ${(phaseMs.verify / 1000).toFixed(2)} s`);
    out(
      `    signed PDFs: ${(phaseMs.documents / 1000).toFixed(2)} s (${(phaseMs.documents / Math.max(1, report.checked.documents)).toFixed(2)} ms each)`,
    );
    out(`    records:     ${(phaseMs.records / 1000).toFixed(2)} s`);
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
      `  10,000 certificates by this process's CPU time, ${label}: ${(scaledCpu / 1000).toFixed(1)} s (one core; the review runs on one thread)`,
    );
    out(
      `  10,000 certificates, ${label}: ${(scaled / 1000).toFixed(1)} s; goal ≤ 20 s; ratio ${(scaled / GOAL_MS).toFixed(2)}× the goal → ${scaled <= GOAL_MS ? 'OK' : 'MISS'}`,
    );
  } finally {
    db.close();
    if (!place.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
