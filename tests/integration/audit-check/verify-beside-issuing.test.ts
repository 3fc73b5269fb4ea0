// Issue 13, part 6: the full verification reads one snapshot on its own connection, in the
// bundled audit thread (built by the project's own build script, as the packaged app ships it),
// while the app's connection goes on issuing. The report names the head of its snapshot; the
// events written meanwhile are not in it, and the next check (from the recorded head) covers them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkSinceVerifiedHead } from '../../../electron/core/audit-check/check-since-verified-head';
import type { SnapshotHead } from '../../../electron/core/audit-check/snapshot-verification';
import { verifyBesideIssuing } from '../../../electron/core/audit-check/verify-beside-issuing';
import {
  latestVerifiedHead,
  recordVerifiedHead,
} from '../../../electron/core/audit-check/verified-heads';
import { createAuditWriter } from '../../../electron/core/vault/audit/audit-chain';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { BuiltEntries } from '../built-entries';
import { buildEntries } from '../built-entries';
import type { Staff, TestVault } from '../vault/vault-fixture';
import { openTestVault, seedVault } from '../vault/vault-fixture';
import { chainHeadOf, eventCount, issueOne, registerFormsOneByOne } from './audit-check-fixture';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';

let built: BuiltEntries | undefined;
let workerFile = '';

beforeAll(async () => {
  built = await buildEntries('audit-beside', ['audit-verify-worker']);
  workerFile = built.file('electron', 'audit-verify-worker.mjs');
}, 180_000);
afterAll(() => built?.remove());

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  registerFormsOneByOne(vault, staff, 1_600);
  for (let i = 0; i < 20; i += 1) issueOne(vault, staff, `US${String(20000 + i)}`);
}, 120_000);
afterEach(() => vault.close());

describe('the full verification beside issuing', () => {
  it('reads its own snapshot in its own thread while certificates are issued on the app connection', async () => {
    expect(eventCount(vault)).toBeGreaterThan(3_000);
    const before = chainHeadOf(vault);
    let snapshot: SnapshotHead | undefined;
    let snapshotTaken: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => {
      snapshotTaken = resolve;
    });
    const progress: number[] = [];
    const run = verifyBesideIssuing({
      path: vault.path,
      key: vault.key,
      workerFile,
      onSnapshot: (head) => {
        snapshot = head;
        snapshotTaken();
      },
      onProgress: (done) => progress.push(done),
    });
    await taken;
    // The snapshot is fixed: issue on the app's connection while the thread verifies it.
    const issued: number[] = [];
    for (let i = 20; i < 25; i += 1) issued.push(issueOne(vault, staff, `US${String(20000 + i)}`));
    const report = await run.done;
    const after = chainHeadOf(vault);

    expect(snapshot).toEqual(before);
    expect(report.ok).toBe(true);
    expect(report.head).toEqual(before);
    expect(report.eventsChecked).toBe(before.seq);
    expect(progress.length).toBeGreaterThan(0);
    // The issues committed on the app's connection: five certificates, their events after the head.
    expect(issued).toHaveLength(5);
    expect(after.seq).toBeGreaterThan(before.seq);
    expect(
      vault.db
        .prepare<[], number>("SELECT count(*) FROM certificates WHERE state = 'ISSUED'")
        .pluck()
        .get(),
    ).toBe(25);

    // The head it proved, recorded; the next check reads only what was written since.
    recordVerifiedHead(
      vault.db,
      createAuditWriter(vault.db, () => vault.clock.now),
      report,
      staff.admin.userId,
      () => vault.clock.now,
    );
    expect(latestVerifiedHead(vault.db)).toMatchObject({ seq: before.seq, hash: before.hash });
    const check = checkSinceVerifiedHead(vault.db);
    expect(check).toMatchObject({
      state: 'ok',
      from: { seq: before.seq },
      // the events of the five issues and the one recording the verification
      eventsChecked: eventCount(vault) - before.seq,
    });
    // And the whole chain, new events included, still verifies as one.
    expect(verifyAuditChain(vault.db).ok).toBe(true);
  }, 120_000);

  it('finds a break in its snapshot like the verification on the app connection', async () => {
    vault.db.exec(OPEN_AUDIT_FOR_TAMPERING);
    vault.db.exec("UPDATE audit_events SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1500");
    const beside = await verifyBesideIssuing({ path: vault.path, key: vault.key, workerFile }).done;
    expect(beside).toEqual({ ...verifyAuditChain(vault.db), head: chainHeadOf(vault) });
    expect(beside.firstBreak).toMatchObject({ seq: 1500, kind: 'hash' });
    // A report with a break records no head: nothing to start a check from.
    expect(
      recordVerifiedHead(
        vault.db,
        createAuditWriter(vault.db, () => vault.clock.now),
        beside,
        null,
        () => vault.clock.now,
      ),
    ).toBeNull();
    expect(latestVerifiedHead(vault.db)).toBeNull();
  }, 120_000);

  it('runs in this thread over its own connection when the bundled thread is not there', async () => {
    const report = await verifyBesideIssuing({
      path: vault.path,
      key: vault.key,
      workerFile: `${workerFile}.missing`,
    }).done;
    expect(report).toMatchObject({ ok: true, head: chainHeadOf(vault) });
  }, 120_000);
});
