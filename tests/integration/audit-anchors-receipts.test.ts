// Anchors from USKPA's receipts (issue 13, part 1): each USKPA envelope carries the vault's audit
// head and the reference intake server (a real TLS server on 127.0.0.1 with its own test CA)
// echoes it in a signed receipt. After a certificate is rewritten through plain SQL with the whole
// chain recomputed from event 1 (the chain alone then says OK), the receipts, stored in the vault
// or exported to a file, contradict the chain and say where the first differing event lies. A
// receipt whose signature does not verify against USKPA's pinned CA is "not established" and
// compared with nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAnchorFiles } from '../../electron/core/vault/audit/check-anchor-files';
import { verifyAuditChain } from '../../electron/core/vault/audit/verify-audit-chain';
import { createIntakePki } from '../../preview/intake/intake-pki';
import { rewriteAndRechain } from '../helpers/rewrite-audit-chain';
import type { SubmissionWorld } from './submission/submission-fixture';
import { issueAndShip, openSubmissionWorld } from './submission/submission-fixture';

let world: SubmissionWorld;
// The test PKI's RSA keys take a while on a loaded machine: a hang guard, not a speed check.
beforeEach(async () => {
  world = await openSubmissionWorld();
}, 120_000);
afterEach(async () => {
  await world.close();
});

/** Two certificates issued and shipped, every copy delivered with a signed receipt. */
async function deliveredWorld(): Promise<{ certificateSeq: number }> {
  const { vault, staff } = world;
  await issueAndShip(vault, staff.operator, 'US12345', true);
  await world.submissions.drain({ untilEmpty: true });
  await issueAndShip(vault, staff.operator, 'US12346', true);
  await world.submissions.drain({ untilEmpty: true });
  expect(world.submissions.list().map((row) => row.status)).toEqual([
    'delivered',
    'delivered',
    'delivered',
    'delivered',
  ]);
  // The last event of US12345's certificate row: what the attacker's rewrite changes.
  const certificateSeq = vault.db
    .prepare<[], number>(
      `SELECT max(e.seq) FROM audit_events AS e JOIN certificates AS c
         ON e.entity_type = 'certificate' AND e.entity_id = CAST(c.id AS TEXT)
        WHERE c.number = 'US12345'`,
    )
    .pluck()
    .get() as number;
  return { certificateSeq };
}

const exportReceiptsFile = (path: string): void => {
  const lines: string[] = [];
  world.submissions.exportReceipts((line) => lines.push(JSON.stringify(line)));
  writeFileSync(path, `${lines.join('\n')}\n`);
};

describe('USKPA receipts as anchors', () => {
  it('hold for an untouched vault, stored or exported', async () => {
    await deliveredWorld();
    const file = join(world.vault.dir, 'receipts.jsonl');
    exportReceiptsFile(file);
    const stored = await checkAnchorFiles(world.vault.db, [], {
      cwd: world.vault.dir,
      vaultId: null,
      storedReceipts: true,
    });
    // Two USKPA receipts (issued: US12345, US12346), each echoing the head it was sent.
    expect(stored.verdicts.map((v) => `${v.anchor.kind} ${v.status}`)).toEqual([
      'receipt holds',
      'receipt holds',
    ]);
    expect(stored.ok).toBe(true);
    // Census's receipts carry no head: listed, never compared.
    expect(stored.ignored).toEqual([]);
    const exported = await checkAnchorFiles(world.vault.db, [file], {
      cwd: world.vault.dir,
      vaultId: null,
    });
    expect(exported.verdicts.map((v) => v.status)).toEqual(['holds', 'holds']);
    expect(exported.ignored.map((i) => i.reason)).toEqual([
      'a census receipt without an audit head',
      'a census receipt without an audit head',
    ]);
    expect(exported.problems).toEqual([]);
  });

  it('catch a certificate rewritten before a delivered receipt, with the whole chain recomputed', async () => {
    const { certificateSeq } = await deliveredWorld();
    const file = join(world.vault.dir, 'receipts.jsonl');
    exportReceiptsFile(file);
    rewriteAndRechain(
      world.vault.db,
      "UPDATE certificates SET consignee_name = 'Someone Else Ltd' WHERE number = 'US12345'",
    );
    // The chain alone is consistent again: this is what the anchors are for.
    expect(verifyAuditChain(world.vault.db).ok).toBe(true);

    for (const report of [
      await checkAnchorFiles(world.vault.db, [], {
        cwd: world.vault.dir,
        vaultId: null,
        storedReceipts: true,
      }),
      await checkAnchorFiles(world.vault.db, [file], { cwd: world.vault.dir, vaultId: null }),
    ]) {
      expect(report.ok).toBe(false);
      const contradicted = report.verdicts.filter((v) => v.status === 'contradicted');
      expect(contradicted.length).toBeGreaterThan(0);
      expect(contradicted[0]?.anchor.kind).toBe('receipt');
      expect(contradicted[0]?.anchor.source).toMatch(/USKPA receipt .+, received /);
      // The first differing event lies in the range named, which holds the rewritten event.
      const first = report.firstDifference;
      expect(first).toBeDefined();
      expect(first?.from).toBeLessThanOrEqual(certificateSeq);
      expect(first?.to).toBeGreaterThanOrEqual(certificateSeq);
      expect(first?.message).toContain(String(first?.to));
    }
  });

  it('counts a receipt only when USKPA’s pinned CA verifies it: otherwise "not established"', async () => {
    await deliveredWorld();
    const file = join(world.vault.dir, 'receipts.jsonl');
    exportReceiptsFile(file);
    // A receipt changed after USKPA signed it (its echoed head altered): its signature fails.
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const forged = lines.map((line) => {
      const value = JSON.parse(line) as {
        recipient: string;
        receipt: { receipt: { auditHead?: { hash: string } } };
      };
      if (value.recipient === 'uskpa' && value.receipt.receipt.auditHead !== undefined)
        value.receipt.receipt.auditHead.hash = 'f'.repeat(64);
      return JSON.stringify(value);
    });
    const forgedFile = join(world.vault.dir, 'forged.jsonl');
    writeFileSync(forgedFile, `${forged.join('\n')}\n`);
    const report = await checkAnchorFiles(world.vault.db, [forgedFile], {
      cwd: world.vault.dir,
      vaultId: null,
    });
    // The forged head accuses nothing: not compared, said why.
    expect(report.verdicts).toEqual([]);
    expect(report.ignored.filter((i) => /not established/.test(i.reason))).toHaveLength(2);
    expect(report.ignored[0]?.reason).toContain('signature does not verify');

    // Another CA pinned for USKPA (or none): the genuine receipts are not established either.
    // Another PKI, made here: the fixture's is shared by the file.
    const otherPki = createIntakePki({ now: world.vault.clock.now });
    world.vault.db
      .prepare("UPDATE submission_recipients SET ca_pem = ? WHERE recipient = 'uskpa'")
      .run(otherPki.ca.certPem);
    const stored = await checkAnchorFiles(world.vault.db, [], {
      cwd: world.vault.dir,
      vaultId: null,
      storedReceipts: true,
    });
    expect(stored.verdicts).toEqual([]);
    expect(stored.ignored.map((i) => i.reason)).toEqual([
      "not established as outside evidence: its signer was not certified by USKPA's pinned CA",
      "not established as outside evidence: its signer was not certified by USKPA's pinned CA",
    ]);
  });
});
