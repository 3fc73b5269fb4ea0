// The vault the review and audit package benchmarks (issue 14) read: N certificates built through
// the app's own services (draft, ITN, issue, sign and store the PDF, every other one shipped), so
// that every PDF is a real signed, sealed certificate. Building takes far longer than what is
// timed, so KP_BENCH_VAULT_DIR keeps the built vault (and its key) and the next run with the same
// N reuses it; KP_BENCH_CPU_PROFILE writes a V8 CPU profile of the timed part alone.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentOperations } from '../electron/core/vault/document-operations';
import type { VaultServices } from '../electron/core/vault/vault-services';
import { benchCertificateDraft } from './bench-certificate';

export type BenchActor = { userId: number; role: 'administrator' };

/** KP_BENCH_CERTIFICATES (default: the goal's N), from 10 to 99,999. */
export function wantedCertificates(goal: number): number {
  const text = process.env.KP_BENCH_CERTIFICATES ?? String(goal);
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 10 || n > 99_999)
    throw new Error(`KP_BENCH_CERTIFICATES must be a whole number from 10 to 99999, not "${text}"`);
  return n;
}

export type VaultPlace = { dir: string; keep: boolean; key: Buffer; built: boolean };

/** KP_BENCH_VAULT_DIR/n<N> when set (kept, reused once built), else a temporary folder. */
export function vaultPlace(total: number, prefix: string): VaultPlace {
  const named = process.env.KP_BENCH_VAULT_DIR;
  if (named === undefined || named === '')
    return {
      dir: mkdtempSync(join(tmpdir(), prefix)),
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

/** Marks a kept vault as complete: an interrupted build is never reused. */
export function markBuilt(place: VaultPlace): void {
  if (place.keep && !place.built) writeFileSync(join(place.dir, 'built'), new Date().toISOString());
}

/** KP_BENCH_CPU_PROFILE=FILE writes a V8 CPU profile of `run` alone (this thread only). */
export async function profiled<T>(run: () => Promise<T>): Promise<T> {
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

export function existingAdministrator(db: Database): BenchActor {
  const id = db.prepare<[], number>("SELECT id FROM users WHERE username = 'ada'").pluck().get();
  if (id === undefined) throw new Error('The kept bench vault has no administrator: delete it.');
  return { userId: id, role: 'administrator' };
}

/** The certificates, built through the app's own services (not timed). */
export async function buildBenchVault(
  services: VaultServices,
  documents: DocumentOperations,
  total: number,
): Promise<BenchActor> {
  const { issuance } = services;
  const admin = issuance.createFirstAdministrator({
    username: 'ada',
    displayName: 'Ada Admin',
    password: 'bench password 1',
  });
  const actor: BenchActor = { userId: admin.id, role: 'administrator' };
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

/**
 * CPU time of this process's main thread alone (Linux: /proc/self/task/<pid>/stat, in clock
 * ticks of 10 ms), or undefined elsewhere. With helper threads beside it, the main thread's CPU
 * is what the wall time would be on an idle machine with a core for each thread; on a shared
 * machine the wall time counts other processes' time too.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${String(process.pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
