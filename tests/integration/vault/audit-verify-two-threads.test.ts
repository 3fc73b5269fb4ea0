// The verification shared by two threads: the helper thread, built by the project's own build
// script (entry "audit-verify-worker") like the packaged app's, runs units over its own
// connection and returns exactly what this thread computes for them; and the verification with
// a helper reports what the one-thread verification reports, on a clean vault and on every kind
// of break, wherever the segment boundaries fall.
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { BuiltEntries } from '../built-entries';
import { buildEntries } from '../built-entries';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../../electron/core/vault/audit/audit-chain';
import { entityUnits } from '../../../electron/core/vault/audit/check-entity-digests';
import type {
  HelperJob,
  HelperMessage,
} from '../../../electron/core/vault/audit/run-units-in-two-threads';
import type { VerifyOptions } from '../../../electron/core/vault/audit/verify-audit-chain';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import type { VerificationUnit } from '../../../electron/core/vault/audit/verification-units';
import {
  chainHead,
  runVerificationUnit,
} from '../../../electron/core/vault/audit/verification-units';
import { chainSegments } from '../../../electron/core/vault/audit/walk-audit-chain';
import type { Staff, TestVault } from './vault-fixture';
import { openTestVault, seedVault, tamperWithVault, validDraft } from './vault-fixture';
import { OPEN_AUDIT_FOR_TAMPERING } from '../../helpers/audit-tampering';

let built: BuiltEntries | undefined;
let workerFile = '';

beforeAll(async () => {
  built = await buildEntries('audit-worker', ['audit-verify-worker']);
  workerFile = built.file('electron', 'audit-verify-worker.mjs');
}, 180_000);
afterAll(() => built?.remove());

let vault: TestVault;
let staff: Staff;

beforeEach(() => {
  vault = openTestVault();
  staff = seedVault(vault);
  for (let i = 0; i < 12; i += 1) {
    const number = `US${String(12340 + i)}`;
    const { id } = vault.services.issuance.createDraft(staff.operator, {
      number,
      draft: validDraft(number),
    });
    vault.services.issuance.recordItn(staff.operator, { id, itn: 'X20261127123456' });
  }
});
afterEach(() => vault.close());

const eventCount = (): number =>
  vault.db.prepare<[], number>('SELECT count(*) FROM audit_events').pluck().get() ?? 0;

const tamper = (sql: string): void => {
  tamperWithVault(vault, sql);
};

/** Small segments and batches, so that breaks fall inside, at and across their boundaries. */
const small = (segmentEvents: number): VerifyOptions => ({
  segmentEvents,
  batchSize: 3,
  helperFromEvents: 0,
  // The certificates (12 rows) checked in parts by leading digit, as a large vault's are.
  splitFromRows: 5,
});

function expectSameReports(): void {
  const alone = verifyAuditChain(vault.db, { batchSize: 3 });
  for (const segmentEvents of [1, 4, 5, 9, 1_000]) {
    const shared = verifyAuditChain(vault.db, {
      ...small(segmentEvents),
      helper: { workerFile, key: vault.key },
    });
    expect(shared, `segments of ${String(segmentEvents)} events`).toEqual(alone);
  }
}

describe('the helper thread', () => {
  it('returns for each unit exactly what this thread computes for it', async () => {
    const high = eventCount();
    const units: VerificationUnit[] = [
      ...entityUnits(vault.db, 5).map((entity) => ({ kind: 'entity' as const, entity })),
      ...chainSegments(high, 4).map(({ from, to }) => ({ kind: 'chain' as const, from, to })),
    ];
    const channel = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(12));
    const job: HelperJob = {
      path: vault.db.name,
      key: new Uint8Array(vault.key),
      head: chainHead(vault.db),
      units,
      walk: { batchSize: 3 },
      control: control.buffer,
      port: channel.port2,
    };
    // This thread takes no unit: the helper does them all.
    const worker = new Worker(workerFile, { workerData: job, transferList: [channel.port2] });
    await new Promise((resolve) => worker.once('exit', resolve));
    const replies: HelperMessage[] = [];
    for (let m = receiveMessageOnPort(channel.port1); m !== undefined;) {
      replies.push(m.message as HelperMessage);
      m = receiveMessageOnPort(channel.port1);
    }
    expect(replies.map((reply) => reply.index)).toEqual(units.map((_, i) => i));
    for (const reply of replies) {
      const unit = units[reply.index];
      if (unit === undefined || !('result' in reply)) throw new Error('a unit failed');
      expect(reply.result).toEqual(runVerificationUnit(vault.db, unit, { batchSize: 3 }));
    }
    expect(Atomics.load(control, 1)).toBe(0);
  });

  it('takes no unit when it does not see the same newest event as the caller', async () => {
    const channel = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(12));
    const job: HelperJob = {
      path: vault.db.name,
      key: new Uint8Array(vault.key),
      head: { seq: eventCount() + 1, hash: 'f'.repeat(64) },
      units: [{ kind: 'chain', from: 1, to: 3 }],
      walk: {},
      control: control.buffer,
      port: channel.port2,
    };
    const worker = new Worker(workerFile, { workerData: job, transferList: [channel.port2] });
    await new Promise((resolve) => worker.once('exit', resolve));
    expect(receiveMessageOnPort(channel.port1)).toBeUndefined();
    expect(Atomics.load(control, 0)).toBe(0);
  });
});

describe('verification with a helper thread', () => {
  it('passes a clean vault as one thread does', () => {
    expect(verifyAuditChain(vault.db, small(4)).ok).toBe(true);
    expectSameReports();
  });

  it('reports an altered event in a later segment as one thread does', () => {
    const seq = eventCount() - 6;
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            UPDATE audit_events SET action = 'certificate.void' WHERE seq = ${String(seq)};`);
    expect(verifyAuditChain(vault.db, small(4)).firstBreak).toMatchObject({ seq, kind: 'hash' });
    expectSameReports();
  });

  it('reports removed events, at and inside segment boundaries, as one thread does', () => {
    // Events 9 and 20 end a segment of 4 and 5 events; 13-14 span one of 4 (13-16).
    tamper(`${OPEN_AUDIT_FOR_TAMPERING}
            DELETE FROM audit_events WHERE seq IN (13, 14);`);
    expect(verifyAuditChain(vault.db, small(4)).firstBreak).toMatchObject({
      seq: 15,
      kind: 'link',
    });
    expectSameReports();
    tamper('DELETE FROM audit_events WHERE seq IN (9, 20)');
    expect(verifyAuditChain(vault.db, small(4)).firstBreak).toMatchObject({
      seq: 10,
      kind: 'link',
    });
    expectSameReports();
  });

  it('reports changed rows in different parts of the certificates as one thread does', () => {
    tamper("UPDATE certificates SET consignee_name = 'Someone else' WHERE id = 7");
    expect(verifyAuditChain(vault.db, small(4)).firstBreak).toMatchObject({
      kind: 'entity',
      entityType: 'certificate',
      entityId: '7',
    });
    expectSameReports();
    tamper("UPDATE certificates SET consignee_name = 'Another' WHERE id = 3");
    expect(verifyAuditChain(vault.db, small(4)).firstBreak).toMatchObject({ entityId: '3' });
    expectSameReports();
  });

  it('reports an unrecorded row and an event about an unknown kind of record as one thread does', () => {
    tamper(
      "INSERT INTO parties (kind, name, address, country, created_at, updated_at) VALUES ('consignee', 'Ghost', 'Nowhere', 'BE', '2026-01-01', '2026-01-01')",
    );
    expect(verifyAuditChain(vault.db, small(4)).firstBreak).toMatchObject({
      seq: null,
      entityType: 'party',
    });
    expectSameReports();
    vault.db.transaction(() => {
      appendAuditEvent(vault.db, {
        userId: null,
        action: 'hand.made',
        entityType: 'gadget' as 'party',
        entityId: 'x',
        entityDigest: '0'.repeat(64),
      });
    })();
    expectSameReports();
  });

  it('reports its progress in units of work, from 0 to all of them, on either thread count', () => {
    for (const helper of [undefined, { workerFile, key: vault.key }]) {
      const seen: [number, number][] = [];
      const report = verifyAuditChain(vault.db, {
        ...small(4),
        ...(helper === undefined ? {} : { helper }),
        onProgress: (done, total) => seen.push([done, total]),
      });
      expect(report.ok).toBe(true);
      const total = seen[0]?.[1] ?? 0;
      expect(total).toBeGreaterThan(Math.ceil(eventCount() / 4));
      expect(seen.every(([, t]) => t === total)).toBe(true);
      expect(seen.map(([done]) => done)).toEqual(
        [...seen.map(([done]) => done)].sort((a, b) => a - b),
      );
      expect(seen.at(-1)).toEqual([total, total]);
    }
  });

  it('gives the same answer when the helper cannot start', () => {
    tamper("UPDATE certificates SET consignee_name = 'Someone else' WHERE id = 5");
    const missing = verifyAuditChain(vault.db, {
      ...small(4),
      helper: { workerFile: `${workerFile}.missing`, key: vault.key },
    });
    expect(missing).toEqual(verifyAuditChain(vault.db, { batchSize: 3 }));
  });
});
