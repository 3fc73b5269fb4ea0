// Runs the bundled crash-worker in a child process and SIGKILLs it according to a plan: at a
// random time (from spawn, so during start-up and open, or from READY, so anywhere in the loop),
// right after an acknowledged operation, just after an operation started, or once the WAL has
// grown. Collects every line the child wrote before it died.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import type { WorkerConfig, WorkerLine } from './crash-protocol';
import { CONFIG_ENV, KEY_ENV, parseLine } from './crash-protocol';

export type KillPlan =
  | { afterMs: number }
  | { afterReadyMs: number }
  | { afterOk: number; spinMs: number }
  | { afterStart: number; spinMs: number }
  | { afterStartMs: number }
  /** Once the file (the vault's WAL) has grown by more than this many bytes since the first
   * START line: pages of an open transaction spill there when the page cache is full, so the
   * kill lands after uncommitted writes. */
  | { whenFileGrows: { path: string; bytes: number } };

export type RunOptions = {
  /** A file whose size is recorded at the first START line (see ChildRun.watchedBytesAtStart). */
  watch?: string;
};

export type ChildRun = {
  lines: WorkerLine[];
  /** False when the child ended by itself (a failure or a finished registration). */
  killed: boolean;
  code: number | null;
  stderr: string;
  /** The watched file's size when the child announced its first operation (0 when absent), so
   * a test can prove that the operation had written before the kill; null if no START came. */
  watchedBytesAtStart: number | null;
};

function sizeOf(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/** A child that is not killed by its plan within this time is a failure, not a hang. */
const SAFETY_MS = 120_000;

/** Sub-millisecond delays cannot be timers: spin, so the kill lands inside the next operation. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

export function runChild(
  workerFile: string,
  key: Buffer,
  config: WorkerConfig,
  plan: KillPlan,
  options: RunOptions = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile], {
      env: { ...process.env, [KEY_ENV]: key.toString('hex'), [CONFIG_ENV]: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: WorkerLine[] = [];
    const timers: NodeJS.Timeout[] = [];
    const seen = { ok: 0, start: 0 };
    let pending = '';
    let stderr = '';
    let killed = false;
    let watchedBytesAtStart: number | null = null;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    let poll: NodeJS.Timeout | undefined;
    const killAfter = (ms: number) => timers.push(setTimeout(kill, ms));
    if ('afterMs' in plan) killAfter(plan.afterMs);
    // The growth is measured from the first START line: whatever opening the vault wrote is
    // not the operation's.
    let growthBase: number | null = null;
    if ('whenFileGrows' in plan) {
      const { path, bytes } = plan.whenFileGrows;
      poll = setInterval(() => {
        if (growthBase !== null && sizeOf(path) - growthBase > bytes) kill();
      }, 2);
    }
    timers.push(
      setTimeout(() => {
        stderr += `\n(not killed by its plan within ${String(SAFETY_MS)} ms)`;
        child.kill('SIGKILL');
      }, SAFETY_MS),
    );
    const onLine = (line: WorkerLine) => {
      if (line.kind === 'ready' && 'afterReadyMs' in plan) killAfter(plan.afterReadyMs);
      if (line.kind !== 'ok' && line.kind !== 'start') return;
      seen[line.kind] += 1;
      if (line.kind === 'start' && seen.start === 1) {
        if (options.watch !== undefined) watchedBytesAtStart = sizeOf(options.watch);
        if ('whenFileGrows' in plan) growthBase = sizeOf(plan.whenFileGrows.path);
      }
      if (line.kind === 'start' && 'afterStartMs' in plan) killAfter(plan.afterStartMs);
      const due =
        ('afterOk' in plan && line.kind === 'ok' && seen.ok === plan.afterOk) ||
        ('afterStart' in plan && line.kind === 'start' && seen.start === plan.afterStart);
      if (due && 'spinMs' in plan) {
        spin(plan.spinMs);
        kill();
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) {
        const line = parseLine(text);
        if (line === null) continue;
        lines.push(line);
        onLine(line);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close' comes after stdout has ended: every line the child wrote has been read.
    child.on('close', (code) => {
      for (const timer of timers) clearTimeout(timer);
      clearInterval(poll);
      resolve({ lines, killed, code, stderr, watchedBytesAtStart });
    });
  });
}
