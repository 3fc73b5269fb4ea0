// Issue 12: `kpdesk submit` and the app's background drain on the same vault must never both send
// the same copy. Two real processes drain one encrypted vault against the reference intake
// server, and the server counts REQUESTS per submission (not only distinct deliveries):
// 1. Deterministic overlap: the first process is held by the server mid-batch (its 3rd request
//    stored, not answered) while the second process runs from start to end. The second must
//    leave the first's claimed rows alone (they are Sending, leased to a live process), send only
//    the rest, and name what the other holds; then the first finishes. Every submission is
//    requested exactly once. (Before leases, the second took the first's Sending rows for
//    interrupted ones and sent them again.)
// 2. Both processes start at the same moment on a bigger queue: each row requested exactly once.
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrainSummary } from '../../../electron/core/submission/drain-outbox';
import { createSubmissionService } from '../../../electron/core/submission/submission-service';
import { openDatabase } from '../../../electron/core/vault/open-database';
import { createVaultServices } from '../../../electron/core/vault/vault-services';
import type { IntakeServer } from '../../../preview/intake/intake-server';
import { startIntakeServer } from '../../../preview/intake/intake-server';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault } from '../vault/vault-fixture';
import { buildDrainChild, runDrainChild } from './drain-child-runner';
import { testPki } from './submission-fixture';

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
  server = undefined;
  vault = undefined;
});

/** A vault with `blanks` voided blank forms: two submissions each (Census and USKPA). */
function queue(
  target: TestVault,
  staff: Staff,
  intake: IntakeServer,
  pki: ReturnType<typeof testPki>,
  blanks: number,
): void {
  const submissions = createSubmissionService(target.db, { now: () => target.clock.now });
  for (const recipient of ['census', 'uskpa'] as const)
    submissions.configureRecipient(staff.admin, {
      recipient,
      channel: 'https',
      url: intake.url,
      caPem: pki.ca.certPem,
      clientCertPem: pki.client.certPem,
      clientKeyPem: pki.client.keyPem,
    });
  target.services.issuance.registerStock(staff.operator, {
    numbers: `US22000-US${String(22000 + blanks - 1)}`,
    description: 'Lease test book',
  });
  for (let n = 0; n < blanks; n += 1)
    target.services.issuance.voidBlank(staff.operator, {
      number: `US${String(22000 + n)}`,
      reason: 'Printer error',
    });
  target.db.close();
}

const summaryOf = (stdout: string): DrainSummary =>
  JSON.parse(/DONE (.*)/.exec(stdout)?.[1] ?? '{}') as DrainSummary;

function expectEachRequestedOnce(intake: IntakeServer, rows: number): void {
  expect(intake.deliveries()).toBe(rows);
  expect(intake.requests()).toBe(rows);
  for (const [key, stored] of intake.stored()) expect([key, stored.requests]).toEqual([key, 1]);
}

function expectAllDelivered(target: TestVault, rows: number): void {
  target.db = openDatabase(target.path, target.key, { create: false });
  const list = createSubmissionService(target.db).list();
  expect(list).toHaveLength(rows);
  for (const row of list) expect([row.id, row.status]).toEqual([row.id, 'delivered_with_warnings']);
  for (const row of list) expect(row.attempts).toBe(1);
  const leased = target.db
    .prepare('SELECT count(*) FROM outbox WHERE lease_owner IS NOT NULL OR lease_until IS NOT NULL')
    .pluck()
    .get();
  expect(leased).toBe(0);
  expect(createVaultServices(target.db).audit.verify().ok).toBe(true);
}

describe('two processes draining one vault', () => {
  it('the second leaves the rows the first holds, names them, and nothing is sent twice', async () => {
    const target = openTestVault();
    vault = target;
    const staff = seedVault(target);
    const pki = testPki(target.clock.now);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let heldKey = '';
    let second: Promise<Awaited<ReturnType<typeof runDrainChild>>> | undefined;
    const intake = await startIntakeServer({
      pki,
      onStored: (stored, deliveries) => {
        if (deliveries !== 3) return;
        // Only the first process runs so far: hold its answer and start the second one.
        heldKey = `${stored.recipient}:${stored.idempotencyKey}`;
        second = runDrainChild(childFile, target, () => undefined);
      },
      holdAnswer: (stored) =>
        `${stored.recipient}:${stored.idempotencyKey}` === heldKey ? held : undefined,
    });
    server = intake;
    queue(target, staff, intake, pki, 10);

    let firstChild: ChildProcess | undefined;
    const first = runDrainChild(childFile, target, (child) => (firstChild = child));
    // The second process runs to its end while the first waits for its 3rd answer.
    while (second === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    const secondRun = await second;
    expect(secondRun.stderr).toBe('');
    expect(secondRun.code).toBe(0);
    const secondSummary = summaryOf(secondRun.stdout);
    // The first claimed a batch of 16 of the 20; the second sent the other 4 and left the 16.
    expect(secondSummary.recovered).toBe(0);
    expect(secondSummary.delivered + secondSummary.deliveredWithWarnings).toBe(4);
    expect(secondSummary.heldElsewhere).toHaveLength(16);
    const holder = secondSummary.heldElsewhere[0]?.holder ?? '';
    expect(holder.split('/')[1]).toBe(String(firstChild?.pid));
    expect(intake.requests()).toBe(4 + 3);

    release();
    const firstRun = await first;
    expect(firstRun.stderr).toBe('');
    expect(firstRun.code).toBe(0);
    const firstSummary = summaryOf(firstRun.stdout);
    expect(firstSummary.delivered + firstSummary.deliveredWithWarnings).toBe(16);
    expect(firstSummary.heldElsewhere).toEqual([]);

    expectEachRequestedOnce(intake, 20);
    expectAllDelivered(target, 20);
  }, 180_000);

  it('two processes started at the same moment send each row exactly once', async () => {
    const target = openTestVault();
    vault = target;
    const staff = seedVault(target);
    const pki = testPki(target.clock.now);
    const intake = await startIntakeServer({ pki });
    server = intake;
    queue(target, staff, intake, pki, 30);

    const runs = await Promise.all([
      runDrainChild(childFile, target, () => undefined),
      runDrainChild(childFile, target, () => undefined),
    ]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const sent = runs
      .map((run) => summaryOf(run.stdout))
      .map((s) => s.delivered + s.deliveredWithWarnings);
    expect((sent[0] ?? 0) + (sent[1] ?? 0)).toBe(60);

    expectEachRequestedOnce(intake, 60);
    expectAllDelivered(target, 60);
  }, 240_000);
});
