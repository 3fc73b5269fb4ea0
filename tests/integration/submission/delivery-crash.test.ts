// Issue 12, "Faults": a SIGKILL of the process mid-delivery, followed by a restart, delivers the
// rest exactly once. The kill is deterministic: the reference intake server calls back when it
// has STORED the 7th submission and, before answering, the test SIGKILLs the child. The child
// claims rows in batches (drain-outbox.ts), so the rows of the batch in flight are left Sending,
// the 7th among them, some already held by the server. The restarted child must send each of
// them again with its same idempotency key (the server answers those it holds with their stored
// receipts) and deliver the other rows once each: 20 rows, 20 deliveries, every row Delivered.
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionService } from '../../../electron/core/submission/submission-service';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import type { IntakeServer } from '../../../preview/intake/intake-server';
import { startIntakeServer } from '../../../preview/intake/intake-server';
import type { TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault } from '../vault/vault-fixture';
import type { ChildRun } from './drain-child-runner';
import { buildDrainChild, runDrainChild } from './drain-child-runner';
import { testPki } from './submission-fixture';

const KILL_AT = 7;
let childFile = '';
let vault: TestVault | undefined;
let server: IntakeServer | undefined;

beforeAll(async () => {
  const built = await buildDrainChild();
  childFile = built.file;
  return built.remove;
}, 180_000);

afterEach(async () => {
  await server?.close();
  vault?.close();
});

function runChild(target: TestVault, started: (child: ChildProcess) => void): Promise<ChildRun> {
  return runDrainChild(childFile, target, started);
}

describe('a crash mid-delivery', () => {
  it('delivers the rest exactly once after a restart, re-sending the interrupted row with its key', async () => {
    vault = openTestVault();
    const staff = seedVault(vault);
    const pki = testPki(vault.clock.now);
    let child: ChildProcess | undefined;
    let interruptedKey = '';
    server = await startIntakeServer({
      pki,
      onStored: (stored, deliveries) => {
        if (deliveries !== KILL_AT || child === undefined) return;
        interruptedKey = `${stored.recipient}:${stored.idempotencyKey}`;
        // Stored, not yet answered: hold the answer and kill the sender right now.
        if (server !== undefined) server.faults.slowMs = 600_000;
        child.kill('SIGKILL');
      },
    });
    const submissions = createSubmissionService(vault.db, {
      now: () => vault?.clock.now ?? new Date(),
    });
    for (const recipient of ['census', 'uskpa'] as const)
      submissions.configureRecipient(staff.admin, {
        recipient,
        channel: 'https',
        url: server.url,
        caPem: pki.ca.certPem,
        clientCertPem: pki.client.certPem,
        clientKeyPem: pki.client.keyPem,
      });
    for (let n = 12340; n < 12350; n += 1)
      vault.services.issuance.voidBlank(staff.operator, {
        number: `US${String(n)}`,
        reason: 'Printer error',
      });
    vault.db.close();

    const killed = await runChild(vault, (started) => (child = started));
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toMatch(/DONE/);
    expect(server.deliveries()).toBe(KILL_AT);
    const sent = killed.stdout.split('\n').filter((line) => line.startsWith('SENT '));
    // The 7th row was in the first batch of 16: none of its outcomes was recorded yet.
    expect(sent).toEqual([]);

    // What the kill left: the row in flight is Sending, with the server holding its copy.
    const between = openDatabase(vault.path, vault.key, { create: false });
    const inFlight = between
      .prepare<[], { idempotency_key: string; recipient: string }>(
        "SELECT idempotency_key, recipient FROM outbox WHERE status = 'sending'",
      )
      .all();
    between.close();
    const inFlightKeys = new Set(inFlight.map((row) => `${row.recipient}:${row.idempotency_key}`));
    expect(inFlightKeys.has(interruptedKey)).toBe(true);
    expect(inFlightKeys.size).toBe(16);
    const heldBeforeRestart = new Set(server.stored().keys());

    server.faults.slowMs = 0;
    child = undefined;
    const restarted = await runChild(vault, () => undefined);
    expect(restarted.stderr).toBe('');
    expect(restarted.code).toBe(0);
    const done = /DONE (.*)/.exec(restarted.stdout)?.[1] ?? '{}';
    expect(JSON.parse(done)).toMatchObject({
      recovered: inFlightKeys.size,
      waiting: 0,
      failed: 0,
      rejected: 0,
    });

    expect(server.deliveries()).toBe(20);
    for (const [key, stored] of server.stored())
      expect([key, stored.requests]).toEqual([
        key,
        inFlightKeys.has(key) && heldBeforeRestart.has(key) ? 2 : 1,
      ]);

    vault.db = openDatabase(vault.path, vault.key, { create: false });
    const rows = createSubmissionService(vault.db).list();
    expect(rows).toHaveLength(20);
    for (const row of rows) expect(row.status).toBe('delivered_with_warnings');
    const interrupted = rows.find(
      (row) => `${row.recipient}:${row.idempotencyKey}` === interruptedKey,
    );
    expect(interrupted?.attempts).toBe(2);
    expect(createVaultServices(vault.db).audit.verify().ok).toBe(true);
  });
});
