// The audit package export benchmark (issue 14, "Performance"): exporting the audit package of a
// vault of N certificates, every one with its real signed PDF (built through the app's own
// services: draft, ITN, issue, sign, every other one shipped; not timed against the goal).
// Timed: exportAuditPackage as the app runs it (the passphrase's scrypt at the default cost, the
// read of every table and document in one transaction, the manifest's SHA-256s, the signature,
// AES-256-GCM sealing, fsync, the audit event). Goal: N = 10,000 in ≤ 30 s. KP_BENCH_CERTIFICATES
// sets N (default 10,000); a smaller N prints its own figures and, marked as such, the time per
// certificate times 10,000 (the scrypt step, fixed, is counted once). Run: npm run
// bench:audit-package. bench/README.md explains each row.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportAuditPackage } from '../electron/core/audit-package/export-audit-package';
import { derivePackageKeys } from '../electron/core/audit-package/package-cipher';
import { DEFAULT_KDF } from '../electron/core/vault/keys/passphrase-wrap';
import { documentOperationsFor } from '../electron/core/vault/document-gateway-groups';
import { openDatabase } from '../electron/core/vault/open-database';
import type { DocumentOperations } from '../electron/core/vault/document-operations';
import { createVaultServices } from '../electron/core/vault/vault-services';
import type { BenchActor } from './bench-vault';
import {
  buildBenchVault,
  existingAdministrator,
  mainThreadCpuMs,
  markBuilt,
  profiled,
  vaultPlace,
  wantedCertificates,
} from './bench-vault';

const GOAL_MS = 30_000;
const GOAL_CERTIFICATES = 10_000;

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** The vault to export: a kept one (KP_BENCH_VAULT_DIR, shared with bench:review) is copied
 * first, because the export writes its own audit event and the kept vault must not change. */
async function benchVault(total: number): Promise<{
  db: Database;
  dir: string;
  actor: BenchActor;
  buildMs: number;
  documents: DocumentOperations;
}> {
  const place = vaultPlace(total, 'kp-package-bench-');
  const clockNow = () => clock.now;
  const buildStart = performance.now();
  if (!place.built) {
    const db = openDatabase(join(place.dir, 'vault.kpdb'), place.key, { create: true });
    try {
      const services = createVaultServices(db, {
        now: clockNow,
        passwordHashing: { N: 1024, r: 8, p: 1 },
      });
      const documents = documentOperationsFor(db, { now: clockNow, resourcesDir: undefined });
      await buildBenchVault(services, documents, total);
    } finally {
      db.close();
    }
    markBuilt(place);
  }
  const buildMs = performance.now() - buildStart;
  const dir = mkdtempSync(join(tmpdir(), 'kp-package-bench-copy-'));
  for (const name of ['vault.kpdb', 'vault.kpdb-wal'])
    if (existsSync(join(place.dir, name))) copyFileSync(join(place.dir, name), join(dir, name));
  if (!place.keep) rmSync(place.dir, { recursive: true, force: true });
  const db = openDatabase(join(dir, 'vault.kpdb'), place.key, { create: false });
  const actor = existingAdministrator(db);
  const documents = documentOperationsFor(db, { now: clockNow, resourcesDir: undefined });
  // A reopened vault's signing keys are locked (issue 13): the administrator sets a signing
  // secret on the copy, which opens them for this connection, as the app asks before signing.
  await documents.signingKeys.setSecret(actor, { secret: 'bench signing secret, 16+' });
  return { db, dir, actor, buildMs, documents };
}

const clock = { now: new Date('2026-11-27T10:00:00.000Z') };
// The sealing thread's bundle (npm run bench:audit-package builds it into dist/electron/);
// KP_BENCH_SEAL_THREAD=off exports on one thread, as before it, for a comparison.
const SEAL_WORKER =
  process.env.KP_BENCH_SEAL_THREAD === 'off'
    ? undefined
    : fileURLToPath(new URL('../electron/audit-package-seal-worker.mjs', import.meta.url));
const now = () => clock.now;

async function main(): Promise<void> {
  const total = wantedCertificates(GOAL_CERTIFICATES);
  const { db, dir, actor, buildMs, documents } = await benchVault(total);
  try {
    // The passphrase's scrypt alone (the same cost the export uses), to separate the fixed part.
    const kdfStart = performance.now();
    const kdfCpuBefore = process.cpuUsage();
    const keys = await derivePackageKeys('bench passphrase, twelve+', {
      name: 'scrypt',
      ...DEFAULT_KDF,
      salt: randomBytes(16).toString('base64'),
    });
    const kdfMs = performance.now() - kdfStart;
    const kdfCpu = process.cpuUsage(kdfCpuBefore);
    const kdfCpuMs = (kdfCpu.user + kdfCpu.system) / 1000;
    keys.encryptionKey.fill(0);
    keys.checkKey.fill(0);

    const start = performance.now();
    const cpuBefore = process.cpuUsage();
    const mainBefore = mainThreadCpuMs();
    const exported = await profiled(() =>
      exportAuditPackage(
        {
          db,
          vaultId: 'bench',
          now,
          openSigningKey: (wrapped) =>
            documents.signingKeys.openForSigning(wrapped, 'signing_identity'),
          ...(SEAL_WORKER === undefined ? {} : { sealWorkerFile: SEAL_WORKER }),
        },
        join(dir, 'bench.kpdesk-audit'),
        { actor, passphrase: 'bench passphrase, twelve+' },
      ),
    );
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const mainAfter = mainThreadCpuMs();
    const mainMs =
      mainBefore === undefined || mainAfter === undefined ? null : mainAfter - mainBefore;
    const load = loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');
    out(
      `Audit package of ${String(total)} certificates (${String(exported.documents)} stored documents, ${String(exported.entries)} entries, audit head ${String(exported.head.seq)})`,
    );
    out(`  machine: ${String(cpus().length)} cores, load average ${load}`);
    out(`  building the vault (not timed against the goal): ${(buildMs / 1000).toFixed(1)} s`);
    out(
      `  export wall: ${(wallMs / 1000).toFixed(2)} s; CPU of this process: ${(cpuMs / 1000).toFixed(2)} s; scrypt alone: ${(kdfMs / 1000).toFixed(2)} s wall, ${(kdfCpuMs / 1000).toFixed(2)} s CPU`,
    );
    out(
      `  sealed on ${exported.sealedOnThread ? 'the sealing thread' : 'this thread'}; CPU of the main thread alone: ${mainMs === null ? '?' : (mainMs / 1000).toFixed(2)} s (the wall time on an idle two-core machine, with a core for each thread)`,
    );
    out(
      `  package: ${(exported.bytes / 1e6).toFixed(1)} MB (${(exported.bytes / total / 1000).toFixed(1)} kB per certificate)`,
    );
    const label =
      total === GOAL_CERTIFICATES
        ? 'measured'
        : `projected from ${String(total)} (per certificate × 10,000, scrypt once)`;
    // The scrypt step is fixed (once per package); the rest grows with the certificates.
    const scale = (ms: number, fixed: number): number =>
      total === GOAL_CERTIFICATES
        ? ms
        : fixed + (Math.max(0, ms - fixed) * GOAL_CERTIFICATES) / total;
    const scaledWall = scale(wallMs, kdfMs);
    out(
      `  10,000 certificates by this process's CPU time (all its threads), ${label}: ${(scale(cpuMs, kdfCpuMs) / 1000).toFixed(1)} s`,
    );
    out(
      `  10,000 certificates, ${label}: ${(scaledWall / 1000).toFixed(1)} s; goal ≤ 30 s; ratio ${(scaledWall / GOAL_MS).toFixed(2)}× the goal → ${scaledWall <= GOAL_MS ? 'OK' : 'MISS'}`,
    );
    out(
      `  package at 10,000 certificates, ${label}: about ${((exported.bytes * GOAL_CERTIFICATES) / total / 1e9).toFixed(2)} GB`,
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
