// The full review reads each stored signed PDF once (issue 14): the documents phase digests the
// attachment row it verified, and the audit verification takes that digest instead of reading
// the 264 KB row again. The audit part of the review must still cover every attachment row as
// before: the digests handed over are exactly those the verification computes and the chain
// recorded, a handed-over digest really decides (so the row is not read again), and a row changed
// through plain SQL is still reported by the audit part, whether its PDF still verifies or not.
import { createHash } from 'node:crypto';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storedDocumentFindings } from '../../../electron/core/review/check-stored-documents';
import { readReviewedCertificates } from '../../../electron/core/review/reviewed-certificates';
import { verifyStoredHere } from '../../../electron/core/review/verify-stored-documents';
import { entityUnits } from '../../../electron/core/vault/audit/check-entity-digests';
import { entityRowDigest } from '../../../electron/core/vault/audit/entity-row-digest';
import type {
  HelperJob,
  HelperMessage,
} from '../../../electron/core/vault/audit/run-units-in-two-threads';
import {
  chainHead,
  runVerificationUnit,
} from '../../../electron/core/vault/audit/verification-units';
import { ownDigest } from '../../../electron/core/vault/audit/queued-digests';
import { verifyAuditChain } from '../../../electron/core/vault/audit/verify-audit-chain';
import { documentOperationsFor } from '../../../electron/core/vault/document-gateway-groups';
import type { ReviewFinding } from '../../../shared/review/review-report';
import type { BuiltEntries } from '../built-entries';
import { buildEntries } from '../built-entries';
import type { ReviewWorld } from './review-world';
import { openReviewWorld } from './review-world';

// The audit verification's helper thread, bundled by the project's own build script as the app
// ships it: the handed-over digests travel to it in its job.
let built: BuiltEntries;
beforeAll(async () => {
  built = await buildEntries('review-read-once', ['audit-verify-worker']);
}, 180_000);
afterAll(() => built.remove());

let world: ReviewWorld;
// Building the world signs four PDFs and delivers eight messages: generous on a loaded machine.
beforeEach(async () => {
  world = await openReviewWorld();
}, 120_000);
afterEach(async () => {
  await world.close();
});

/** The documents phase alone, on this thread: its findings and the rows' digests. */
async function documentsPhase() {
  const { db } = world.vault;
  const verify = await documentOperationsFor(db, {
    now: () => world.vault.clock.now,
    resourcesDir: undefined,
  }).batchVerifier();
  return storedDocumentFindings(
    db,
    readReviewedCertificates(db, null),
    verifyStoredHere(db, verify),
  );
}

const signedCertificateRow = (number: string): number =>
  world.vault.db
    .prepare<[number], number>(
      "SELECT id FROM attachments WHERE certificate_id = ? AND kind = 'signed-certificate'",
    )
    .pluck()
    .get(world.idOf(number)) ?? 0;

const codes = (findings: readonly ReviewFinding[]) =>
  findings.map((f) => [f.code, f.certificateNumber]).sort();

describe('each signed PDF read once for its verification and its audit digest', () => {
  it('hands over the digests the verification computes and the chain recorded', async () => {
    const { db } = world.vault;
    const { rowDigests, documents } = await documentsPhase();
    expect(documents).toBe(4);
    expect(rowDigests.size).toBe(4);
    const rows = entityRowDigest(db, 'attachment');
    const recorded = db
      .prepare<[string], string>(
        `SELECT entity_digest FROM audit_events WHERE entity_type = 'attachment' AND entity_id = ?
          ORDER BY seq DESC LIMIT 1`,
      )
      .pluck();
    for (const [id, digest] of rowDigests) {
      expect(digest).toBe(rows.digest(rows.read(id)));
      expect(digest).toBe(ownDigest(recorded.get(id) ?? ''));
    }
    const known = { type: 'attachment' as const, digests: rowDigests };
    expect(verifyAuditChain(db, { known })).toEqual(verifyAuditChain(db));
    expect(verifyAuditChain(db, { known }).ok).toBe(true);
  });

  it('takes a handed-over digest instead of the row: one that is not the row’s is a break', async () => {
    const { db } = world.vault;
    const { rowDigests } = await documentsPhase();
    const id = String(signedCertificateRow('US12341'));
    const digests = new Map(rowDigests).set(id, '0'.repeat(64));
    const report = verifyAuditChain(db, { known: { type: 'attachment', digests } });
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ entityType: 'attachment', entityId: id });
  });

  it('hands the digests to the audit helper thread, which takes them as this thread does', async () => {
    const { db } = world.vault;
    const { rowDigests } = await documentsPhase();
    const id = String(signedCertificateRow('US12341'));
    const known = {
      type: 'attachment' as const,
      digests: new Map(rowDigests).set(id, '0'.repeat(64)),
    };
    const units = entityUnits(db)
      .filter((entity) => entity.type === 'attachment')
      .map((entity) => ({ kind: 'entity' as const, entity }));
    const channel = new MessageChannel();
    const control = new Int32Array(new SharedArrayBuffer(12));
    const job: HelperJob = {
      path: db.name,
      key: new Uint8Array(world.vault.key),
      head: chainHead(db),
      units,
      walk: {},
      known,
      control: control.buffer,
      port: channel.port2,
    };
    // This thread takes no unit: the helper does them all.
    const worker = new Worker(built.file('electron', 'audit-verify-worker.mjs'), {
      workerData: job,
      transferList: [channel.port2],
    });
    await new Promise((resolve) => worker.once('exit', resolve));
    const replies: HelperMessage[] = [];
    for (let m = receiveMessageOnPort(channel.port1); m !== undefined;) {
      replies.push(m.message as HelperMessage);
      m = receiveMessageOnPort(channel.port1);
    }
    expect(replies.map((reply) => reply.index)).toEqual(units.map((_, i) => i));
    const changed = replies.flatMap((reply) => {
      const unit = units[reply.index];
      if (unit === undefined || !('result' in reply)) throw new Error('a unit failed');
      expect(reply.result).toEqual(runVerificationUnit(db, unit, {}, known));
      return reply.result.kind === 'entity' && reply.result.check.changed !== null
        ? [reply.result.check.changed.entityId]
        : [];
    });
    expect(changed).toEqual([id]);
  });

  it('reports a signed PDF’s row changed by SQL in the audit part, its PDF untouched', async () => {
    const id = signedCertificateRow('US12341');
    world.tamper((db) => {
      db.prepare('UPDATE attachments SET created_at = ? WHERE id = ?').run(
        '2020-01-01T00:00:00.000Z',
        id,
      );
    });
    const report = await world.review();
    // The PDF itself still verifies: only the audit part can see the change.
    expect(codes(report.findings)).toEqual([['AUDIT_CHAIN_BROKEN', null]]);
    expect(report.findings[0]?.message).toMatch(new RegExp(`attachment ${String(id)}\\b`));
  });

  it('reports a signed PDF changed by SQL (its hash updated too) in both parts', async () => {
    const id = signedCertificateRow('US12341');
    world.tamper((db) => {
      const content = db
        .prepare<[number], Buffer>('SELECT content FROM attachments WHERE id = ?')
        .pluck()
        .get(id);
      if (content === undefined) throw new Error('no signed PDF');
      const changed = Buffer.from(content);
      changed[content.toString('latin1').indexOf('/Producer') + 1] = 'p'.charCodeAt(0);
      db.prepare('UPDATE attachments SET content = ?, sha256 = ? WHERE id = ?').run(
        changed,
        createHash('sha256').update(changed).digest('hex'),
        id,
      );
    });
    const report = await world.review();
    expect(codes(report.findings)).toEqual([
      ['AUDIT_CHAIN_BROKEN', null],
      ['DOCUMENT_NOT_VERIFIED', 'US12341'],
    ]);
    const audit = report.findings.find((f) => f.code === 'AUDIT_CHAIN_BROKEN');
    expect(audit?.message).toMatch(new RegExp(`attachment ${String(id)}\\b`));
  });
});
