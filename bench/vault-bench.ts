// The vault benchmark (issue 3, "Performance"): builds an encrypted vault of 1,000,000
// certificates (KP_BENCH_CERTIFICATES for a smaller one) in a child process, then measures in
// this process, through the app's own repositories and verifier, what the issue sets goals for,
// and prints one table. bench/README.md explains each figure. Run: npm run bench:vault.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import type { BuildReport } from './vault/build-vault';
import { buildVault } from './vault/build-vault';
import { measureBesideIssuing } from './vault/measure-beside-issuing';
import { AUDIT_WORKER, measureVault } from './vault/measure-vault';

type BuildRequest = { path: string; keyHex: string; total: number };

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function certificatesWanted(): number {
  const flag = process.argv.find((arg) => arg.startsWith('--certificates='));
  const text =
    flag?.slice('--certificates='.length) ?? process.env.KP_BENCH_CERTIFICATES ?? '1000000';
  const total = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(total) || total < 1_000)
    throw new Error(`KP_BENCH_CERTIFICATES must be a whole number of at least 1000, not "${text}"`);
  return total;
}

/** The build runs in a child process: its 1.5 GiB page cache must not count in our peak RSS. */
function buildInChild(request: BuildRequest): Promise<BuildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--build-child'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: BuildReport | undefined;
    child.on('message', (message) => {
      report = message as BuildReport;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (report !== undefined) resolve(report);
      else reject(new Error(`the vault build failed (exit code ${String(code)})`));
    });
    child.send(request);
  });
}

function runBuildChild(): void {
  process.once('message', (message) => {
    const request = message as BuildRequest;
    // KP_BENCH_AUDIT_FORMAT=legacy writes the events as a vault from before migration 0260.
    const format = process.env.KP_BENCH_AUDIT_FORMAT === 'legacy' ? 'legacy' : 'compact';
    const report = buildVault(
      request.path,
      Buffer.from(request.keyHex, 'hex'),
      request.total,
      format,
    );
    process.send?.(report, () => process.exit(0));
  });
}

/** KP_BENCH_DIR keeps the vault (and its throwaway key) to measure again without rebuilding. */
async function prepareVault(
  total: number,
): Promise<{ dir: string; path: string; key: Buffer; build: BuildReport | null; keep: boolean }> {
  const kept = process.env.KP_BENCH_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'kp-vault-bench-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'vault.kpvault');
  const metaPath = join(dir, 'bench-meta.json');
  if (kept !== undefined && existsSync(metaPath) && existsSync(path)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as {
      total: number;
      keyHex: string;
      build: BuildReport;
    };
    if (meta.total === total) {
      out(`Reusing the vault in ${dir} (${String(total)} certificates).`);
      return { dir, path, key: Buffer.from(meta.keyHex, 'hex'), build: meta.build, keep: true };
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const key = randomBytes(32);
  out(`Building a vault of ${total.toLocaleString('en-US')} certificates in ${dir} …`);
  const build = await buildInChild({ path, keyHex: key.toString('hex'), total });
  // A benchmark key for a throwaway vault of generated data; it protects nothing.
  if (kept !== undefined)
    writeFileSync(metaPath, JSON.stringify({ total, keyHex: key.toString('hex'), build }));
  return { dir, path, key, build, keep: kept !== undefined };
}

async function main(): Promise<void> {
  const total = certificatesWanted();
  const loadBefore = loadavg();
  const vault = await prepareVault(total);
  try {
    const report = measureVault(vault.path, vault.key, total, vault.build);
    out('');
    out(report.table);
    out('');
    out(
      `Load average before / after (1, 5, 15 min; ${String(report.cores)} cores): ${loadBefore.map((n) => n.toFixed(2)).join(' ')} / ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    for (const line of report.notes) out(line);
    // Issue 13, part 6: issuing beside a full verification, the check at unlock, the re-key.
    const beside = await measureBesideIssuing(vault.path, vault.key, AUDIT_WORKER);
    out('');
    out(beside.table);
    for (const line of beside.notes) out(line);
    out(
      `Load average after (1, 5, 15 min): ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (!vault.keep) rmSync(vault.dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--build-child')) runBuildChild();
else
  main().catch((error: unknown) => {
    process.stderr.write(
      `vault-bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
