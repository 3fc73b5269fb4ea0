// Draining the outbox to the reference intake server over mutual TLS (issue 12), against a floor
// measured in the same run: a bare Node https client (keep-alive agent, same TLS options) posting
// envelopes of the same shape and size, one at a time, to the same server. The server runs in a
// child process (dist/preview/intake.mjs) so that its store does not count in this process's
// memory. Goals (issue 12): drain time per submission ≤ 1.5× the bare client's; peak RSS growth
// while draining 10,000 ≤ 100 MB. A plain script (npm run bench:submission); a miss is printed,
// it does not change the exit code (bench/README.md). KP_BENCH_SUBMISSIONS sets the queue size.
// Then the outbox's overhead on issue (submission-outbox-overhead.ts, goal ≤ 10 %).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubmissionEnvelope } from '../electron/core/submission/submission-envelope';
import { createSubmissionService } from '../electron/core/submission/submission-service';
import { openDatabase } from '../electron/core/vault/open-database';
import { createVaultServices } from '../electron/core/vault/vault-services';
import { measureOutboxOverhead } from './submission-outbox-overhead';

const COUNT = Number(process.env.KP_BENCH_SUBMISSIONS ?? 10_000);
const FLOOR_COUNT = Math.min(2_000, COUNT);
const GOALS = { ratio: 1.5, rssMb: 100 } as const;
const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

type Intake = { url: string; ca: string; cert: string; key: string; stop: () => void };

function startIntake(dir: string): Promise<Intake> {
  const script = fileURLToPath(new URL('../preview/intake.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '--dir', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const url = /URL:\s+(\S+)/.exec(text)?.[1];
      if (url === undefined || !text.includes('Ctrl-C')) return;
      resolve({
        url,
        ca: readFileSync(join(dir, 'intake-ca.pem'), 'utf8'),
        cert: readFileSync(join(dir, 'client-cert.pem'), 'utf8'),
        key: readFileSync(join(dir, 'client-key.pem'), 'utf8'),
        stop: () => child.kill('SIGTERM'),
      });
    });
  });
}

/** The floor: the same kind of envelope, posted with nothing else around it. */
async function bareClient(
  intake: Intake,
  envelopes: readonly SubmissionEnvelope[],
): Promise<number> {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: 4,
    ca: [intake.ca],
    cert: intake.cert,
    key: intake.key,
    minVersion: 'TLSv1.2',
  });
  const target = new URL(intake.url);
  const post = (envelope: SubmissionEnvelope): Promise<void> =>
    new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(envelope), 'utf8');
      const req = request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'idempotency-key': envelope.idempotencyKey,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            if (res.statusCode !== 201) reject(new Error(`bare client: ${String(res.statusCode)}`));
            else {
              JSON.parse(Buffer.concat(chunks).toString('utf8'));
              resolve();
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const start = performance.now();
  for (const envelope of envelopes) await post(envelope);
  const elapsed = performance.now() - start;
  agent.destroy();
  return elapsed;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kp-submission-bench-'));
  const intake = await startIntake(join(work, 'intake'));
  try {
    line(
      `Submission drain, ${String(COUNT)} queued (Node ${process.version}, ${String(cpus().length)} cores, load ${loadavg()[0]?.toFixed(2) ?? '?'})`,
    );
    const db = openDatabase(join(work, 'vault.kpdb'), randomBytes(32), { create: true });
    const services = createVaultServices(db, { passwordHashing: { N: 1024, r: 8, p: 1 } });
    const first = services.issuance.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: 'correct horse battery',
    });
    const admin = { userId: first.id, role: 'administrator' } as const;
    const blanks = Math.ceil(COUNT / 2);
    services.issuance.registerStock(admin, {
      numbers: `US100000-US${String(100_000 + blanks - 1)}`,
      description: 'bench',
    });
    const queueStart = performance.now();
    for (let i = 0; i < blanks; i += 1)
      services.issuance.voidBlank(admin, {
        number: `US${String(100_000 + i)}`,
        reason: 'Printer error',
      });
    line(
      `  queued ${String(blanks * 2)} rows (${String(blanks)} voided blanks) in ${((performance.now() - queueStart) / 1000).toFixed(1)} s`,
    );

    // The floor's envelopes: the same shapes and sizes as the queue's, with keys of their own.
    const head = db
      .prepare<[], { seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
      )
      .get();
    const rows = db
      .prepare<
        [number],
        {
          stock_number: string;
          recipient: 'census' | 'uskpa';
          payload_json: string;
          created_at: string;
        }
      >('SELECT stock_number, recipient, payload_json, created_at FROM outbox ORDER BY id LIMIT ?')
      .all(FLOOR_COUNT);
    const envelopes: SubmissionEnvelope[] = rows.map((row) => ({
      envelopeVersion: 1,
      idempotencyKey: `${row.stock_number}/floor/v1`,
      recipient: row.recipient,
      kind: 'floor',
      certificateNumber: row.stock_number,
      queuedAt: row.created_at,
      certificate: JSON.parse(row.payload_json) as Record<string, unknown>,
      document: null,
      ...(row.recipient === 'uskpa' && head !== undefined ? { auditHead: head } : {}),
    }));
    const floorMs = await bareClient(intake, envelopes);
    const floorPer = floorMs / envelopes.length;
    line(
      `  bare https client (floor): ${String(envelopes.length)} in ${(floorMs / 1000).toFixed(2)} s = ${floorPer.toFixed(2)} ms each`,
    );

    const submissions = createSubmissionService(db);
    submissions.configureRecipient(admin, {
      recipient: 'census',
      channel: 'https',
      url: intake.url,
      caPem: intake.ca,
      clientCertPem: intake.cert,
      clientKeyPem: intake.key,
    });
    submissions.configureRecipient(admin, {
      recipient: 'uskpa',
      channel: 'https',
      url: intake.url,
      caPem: intake.ca,
      clientCertPem: intake.cert,
      clientKeyPem: intake.key,
    });
    (globalThis as { gc?: () => void }).gc?.();
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    let lastPrinted = 0;
    const drainStart = performance.now();
    const summary = await submissions.drain({
      onProgress: ({ attempts, total }) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        if (attempts - lastPrinted >= Math.max(1, Math.floor(total / 10))) {
          lastPrinted = attempts;
          process.stderr.write(`  drain: ${String(attempts)}/${String(total)}\n`);
        }
      },
    });
    const drainMs = performance.now() - drainStart;
    clearInterval(sampler);
    const drained = summary.delivered + summary.deliveredWithWarnings;
    const drainPer = drainMs / Math.max(1, summary.attempts);
    const ratio = drainPer / floorPer;
    const growthMb = (peakRss - baseRss) / 1024 / 1024;
    line(
      `  drain: ${String(drained)} delivered of ${String(summary.attempts)} attempts in ${(drainMs / 1000).toFixed(2)} s = ${drainPer.toFixed(2)} ms each (${(1000 / drainPer).toFixed(0)}/s)`,
    );
    line(
      `  ratio to the bare client: ${ratio.toFixed(2)}× (goal ≤ ${String(GOALS.ratio)}×) ${ratio <= GOALS.ratio ? 'OK' : 'MISS'}`,
    );
    line(
      `  peak RSS growth while draining: ${growthMb.toFixed(1)} MB (goal ≤ ${String(GOALS.rssMb)} MB) ${growthMb <= GOALS.rssMb ? 'OK' : 'MISS'}`,
    );
    db.close();
    // The third goal: the outbox's overhead on issue (same run, two fresh vaults).
    measureOutboxOverhead(work, line);
  } finally {
    intake.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
