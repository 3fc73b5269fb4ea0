// The statistics benchmark (issue 14, "Performance"): statistics for a quarter and for a year
// over the benchmark vault of 1,000,000 certificates (bench/vault/, the same builder and the same
// KP_BENCH_DIR reuse as bench/vault-bench.ts, so one kept vault serves both). Goals: a quarter
// ≤ 300 ms, a year ≤ 1 s (p95). Run: npm run bench:reports. bench/README.md explains each row.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yearPeriod, quarterPeriod } from '../shared/reports/statistics-period';
import type { StatisticsPeriod } from '../shared/reports/statistics-period';
import {
  createExportCellSource,
  EXPORT_CELLS_SQL,
} from '../electron/core/reports/read-export-cells';
import { buildStatisticsReport } from '../electron/core/reports/statistics-service';
import { openDatabase } from '../electron/core/vault/open-database';
import type { BuildReport } from './vault/build-vault';
import { buildVault } from './vault/build-vault';
import type { TableRow } from './vault/report-table';
import { formatTable, ms, verdict } from './vault/report-table';
import { summarize } from './vault/sampling';

type BuildRequest = { path: string; keyHex: string; total: number };

const QUARTER_GOAL_MS = 300;
const YEAR_GOAL_MS = 1_000;
const RUNS = 30;
const WARMUP = 3;
/** The benchmark vault's certificates are dated 2016-01-04 … 2025-12-31 (bench/vault/). */
const FIRST_YEAR = 2016;
const YEARS = 10;

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function certificatesWanted(): number {
  const text = process.env.KP_BENCH_CERTIFICATES ?? '1000000';
  const total = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(total) || total < 1_000)
    throw new Error(`KP_BENCH_CERTIFICATES must be a whole number of at least 1000, not "${text}"`);
  return total;
}

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
    const report = buildVault(request.path, Buffer.from(request.keyHex, 'hex'), request.total);
    process.send?.(report, () => process.exit(0));
  });
}

/** As bench/vault-bench.ts: KP_BENCH_DIR keeps the vault and its throwaway key (bench-meta.json). */
async function prepareVault(total: number) {
  const kept = process.env.KP_BENCH_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'kp-reports-bench-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'vault.kpvault');
  const metaPath = join(dir, 'bench-meta.json');
  if (kept !== undefined && existsSync(metaPath) && existsSync(path)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { total: number; keyHex: string };
    if (meta.total === total) {
      out(`Reusing the vault in ${dir} (${total.toLocaleString('en-US')} certificates).`);
      return { dir, path, key: Buffer.from(meta.keyHex, 'hex'), keep: true };
    }
    throw new Error(
      `${dir} holds a vault of ${String(meta.total)} certificates, not ${String(total)}`,
    );
  }
  // A benchmark key for a throwaway vault of generated data; it protects nothing.
  const key = randomBytes(32);
  out(`Building a vault of ${total.toLocaleString('en-US')} certificates in ${dir} …`);
  const build = await buildInChild({ path, keyHex: key.toString('hex'), total });
  if (kept !== undefined)
    writeFileSync(metaPath, JSON.stringify({ total, keyHex: key.toString('hex'), build }));
  return { dir, path, key, keep: kept !== undefined };
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Wall-clock and CPU time of each run, p50 and p95, after warm-up runs. */
function time(periods: (k: number) => StatisticsPeriod, run: (p: StatisticsPeriod) => unknown) {
  for (let k = 0; k < WARMUP; k += 1) run(periods(k));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k += 1) {
    const period = periods(WARMUP + k);
    const cpuBefore = cpuMs();
    const started = performance.now();
    run(period);
    wall.push(performance.now() - started);
    cpu.push(cpuMs() - cpuBefore);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

async function main(): Promise<void> {
  const total = certificatesWanted();
  const loadBefore = loadavg();
  const vault = await prepareVault(total);
  try {
    const openStarted = performance.now();
    // The app's own open: key, WAL, migrations (0150 builds the statistics index the first time).
    const db = openDatabase(vault.path, vault.key, { create: false });
    const openMs = performance.now() - openStarted;
    const cells = createExportCellSource(db);
    const top = 5;
    const rows: TableRow[] = [
      {
        measure: 'open the vault (info; includes migration 0150 on a vault built before it)',
        figure: ms(openMs),
        goal: '—',
        verdict: 'info',
      },
    ];
    const coldStarted = performance.now();
    buildStatisticsReport(cells, yearPeriod(FIRST_YEAR + 5), top);
    rows.push({
      measure: 'first year after opening (info: cold page cache)',
      figure: ms(performance.now() - coldStarted),
      goal: '—',
      verdict: 'info',
    });
    // Each run a different period, so no run reads only pages the previous one left warm.
    const quarter = time(
      (k) =>
        quarterPeriod(FIRST_YEAR + (k % YEARS), ((Math.floor(k / YEARS) % 4) + 1) as 1 | 2 | 3 | 4),
      (p) => buildStatisticsReport(cells, p, top),
    );
    const year = time(
      (k) => yearPeriod(FIRST_YEAR + ((k * 3) % YEARS)),
      (p) => buildStatisticsReport(cells, p, top),
    );
    const span: StatisticsPeriod = {
      kind: 'range',
      label: '2016-01-01..2025-12-31',
      from: '2016-01-01',
      to: '2025-12-31',
    };
    const decade = time(
      () => span,
      (p) => buildStatisticsReport(cells, p, top),
    );
    const line = (measure: string, t: ReturnType<typeof time>, goal: number | null): TableRow => ({
      measure,
      figure: `p50 ${ms(t.wall.p50)}, p95 ${ms(t.wall.p95)} (cpu p50 ${ms(t.cpu.p50)}, p95 ${ms(t.cpu.p95)}; ${String(t.wall.runs)} runs)`,
      goal: goal === null ? '—' : `≤ ${ms(goal)}`,
      verdict: goal === null ? 'info' : verdict(t.wall.p95 <= goal),
    });
    rows.push(line('statistics of a quarter (p95)', quarter, QUARTER_GOAL_MS));
    rows.push(line('statistics of a year (p95)', year, YEAR_GOAL_MS));
    rows.push(line('ten years with the annual table (info)', decade, null));
    out('');
    out(formatTable(rows));
    out('');
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${EXPORT_CELLS_SQL}`)
      .all({ from: '2020-01-01', to: '2020-12-31' }) as { detail: string }[];
    out(`Query plan: ${plan.map((row) => row.detail).join('; ')}`);
    const perYear = db
      .prepare(
        "SELECT count(*) FROM certificates WHERE date_of_issue BETWEEN '2020-01-01' AND '2020-12-31'",
      )
      .pluck()
      .get() as number;
    out(
      `Certificates dated 2020: ${perYear.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}.`,
    );
    out(
      `Load average before / after (1, 5, 15 min): ${loadBefore.map((n) => n.toFixed(2)).join(' ')} / ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    db.close();
  } finally {
    if (!vault.keep) rmSync(vault.dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--build-child')) runBuildChild();
else
  main().catch((error: unknown) => {
    process.stderr.write(
      `reports-bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
