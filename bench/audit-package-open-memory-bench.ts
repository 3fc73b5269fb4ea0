// Memory of opening an audit package (issue 14, part 3: "streaming open"): peak RSS growth of a
// fresh process that opens (decrypts, verifies in order, fills the read-only vault, verifies every
// signed PDF) a package of N certificates, for N = 100 and N = 1,000 (KP_BENCH_OPEN_SIZES, e.g.
// "100,1000"). Each package is built by the app's own services (draft, ITN, issue, sign; not
// measured), exported, and then opened in a child process of its own, so the build's memory is
// not counted: growth = the child's peak RSS (getrusage maxrss) minus its RSS just before the
// open. A streaming opener grows by about a chunk and an entry whatever N is; one that keeps
// every entry grows with the package. KP_BENCH_OPENERS (comma-separated builds of this file, e.g.
// one built from main's opener) opens each package with those too, for a comparison.
// Run: npm run bench:audit-package-open.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportAuditPackage } from '../electron/core/audit-package/export-audit-package';
import { openAuditPackage } from '../electron/core/audit-package/open-audit-package';
import { documentOperationsFor } from '../electron/core/vault/document-gateway-groups';
import { openDatabase } from '../electron/core/vault/open-database';
import { createVaultServices } from '../electron/core/vault/vault-services';
import { buildBenchVault, mainThreadCpuMs, profiled } from './bench-vault';

const PASSPHRASE = 'bench passphrase, twelve+';
// A low scrypt cost: the KDF's own 128 MiB (N = 2^17) would hide the opener's growth.
const KDF = { N: 2 ** 14, r: 8, p: 1 };

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

async function buildPackage(total: number, file: string, dir: string): Promise<void> {
  const clock = { now: new Date('2026-11-27T10:00:00.000Z') };
  const now = () => clock.now;
  const db = openDatabase(join(dir, `vault-${String(total)}.kpdb`), randomBytes(32), {
    create: true,
  });
  try {
    const services = createVaultServices(db, { now, passwordHashing: { N: 1024, r: 8, p: 1 } });
    const documents = documentOperationsFor(db, { now, resourcesDir: undefined });
    // The same certificates as the review and package benches (issued, signed, half shipped).
    const actor = await buildBenchVault(services, documents, total);
    await exportAuditPackage(
      {
        db,
        vaultId: 'bench',
        now,
        openSigningKey: (wrapped) =>
          documents.signingKeys.openForSigning(wrapped, 'signing_identity'),
      },
      file,
      { actor, passphrase: PASSPHRASE, kdf: KDF },
    );
  } finally {
    db.close();
  }
}

/** The child: opens the package once and prints its figures as one JSON line. */
async function openOnce(file: string): Promise<void> {
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const opened = await profiled(() =>
    openAuditPackage(file, PASSPHRASE, { now: () => new Date('2026-11-27T10:00:00.000Z') }),
  );
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpuMs();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const mainCpuMs =
    mainBefore === undefined || mainAfter === undefined ? null : mainAfter - mainBefore;
  const peak = process.resourceUsage().maxRSS * 1024;
  const failed = opened.checks.filter((c) => c.status === 'failed').map((c) => c.check);
  opened.vault.close();
  out(JSON.stringify({ before, peak, wallMs, cpuMs, mainCpuMs, failed }));
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'open' && file !== undefined) {
    await openOnce(file);
    return;
  }
  const sizes = (process.env.KP_BENCH_OPEN_SIZES ?? '100,1000').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'kp-package-open-bench-'));
  const self = fileURLToPath(import.meta.url);
  const load = loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
  out(`Opening an audit package: ${String(cpus().length)} cores, load average ${load}`);
  try {
    for (const total of sizes) {
      const file = join(dir, `package-${String(total)}.kpdesk-audit`);
      await buildPackage(total, file, dir);
      const openers = [self, ...(process.env.KP_BENCH_OPENERS ?? '').split(',').filter(Boolean)];
      for (const opener of openers) {
        const line = execFileSync(process.execPath, [opener, 'open', file], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        }).trim();
        const figures = JSON.parse(line.split('\n').at(-1) ?? '{}') as {
          before: number;
          peak: number;
          wallMs: number;
          cpuMs: number;
          mainCpuMs: number | null;
          failed: string[];
        };
        const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
        out(
          `  ${String(total)} certificates (${opener === self ? 'this opener' : opener}): package ${mb(statSync(file).size)} MB; RSS before open ${mb(figures.before)} MB, peak ${mb(figures.peak)} MB, growth ${mb(figures.peak - figures.before)} MB; open ${(figures.wallMs / 1000).toFixed(1)} s wall, CPU ${(figures.cpuMs / 1000).toFixed(1)} s (all threads), ${figures.mainCpuMs === null ? '?' : (figures.mainCpuMs / 1000).toFixed(1)} s (main thread), load ${loadavg()[0]?.toFixed(2) ?? '?'}${figures.failed.length === 0 ? '' : `; FAILED checks: ${figures.failed.join(', ')}`}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
