// Anchors (issue 13 part 1), run in-process on a real vault: a certificate edited through plain
// SQL with the whole chain recomputed from event 1, and the last event deleted with its row,
// both pass `kpdesk audit verify` today ("Audit chain OK": nothing outside the vault anchors
// the chain); both are caught by any head taken after the rewritten point: a head file from
// `kpdesk audit head`, or the head in a backup's manifest, which also names the exact event.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKpdesk } from '../../cli/kpdesk';
import { parseAnchorLine } from '../../electron/core/vault/audit/anchor-line';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { rewriteAndRechain } from '../helpers/rewrite-audit-chain';
import { captureIo } from '../unit/cli/capture-io';
import { validDraft } from './vault/vault-fixture';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'ada admin password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let work: string;
let dir: string;

async function withVault<R>(use: (db: Database) => R): Promise<R> {
  const db = await unlockVault({ dir, secret: { passphrase: PASSPHRASE } });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const draft = (number: string) =>
  withVault((db) => {
    createVaultServices(db, { passwordHashing: TEST_KDF }).issuance.createDraft(
      { userId: 1, role: 'administrator' },
      { number, draft: validDraft(number) },
    );
  });

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'kpdesk-anchors-'));
  dir = join(work, 'vault');
  const created = await createVault({ dir, passphrase: PASSPHRASE, kdf: TEST_KDF });
  try {
    const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
    const admin = services.issuance.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: PASSWORD,
    });
    services.issuance.recordRecoveryKeyConfirmed(admin.id);
    // Events 1 (ada), 2 (confirmation), 3 (the batch), 4 (the range of its ten forms: one event
    // per registered range, issue 13 part 6).
    services.issuance.registerStock(
      { userId: admin.id, role: 'administrator' },
      { numbers: 'US10000-US10009' },
    );
  } finally {
    created.key.fill(0);
    created.db.close();
  }
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function kpdesk(args: string[]) {
  const io = captureIo();
  const env = { KPDESK_PASSPHRASE: PASSPHRASE, KPDESK_PASSWORD: PASSWORD };
  const code = await runKpdesk([...args, '--dir', dir], { ...io, cwd: work, env });
  return { code, out: io.out(), err: io.err() };
}

describe('kpdesk audit head', () => {
  it('prints the head as one documented line and writes it to a new file only', async () => {
    const head = await kpdesk(['audit', 'head', '--out', 'head.txt', '--json']);
    expect(head.code, head.err).toBe(0);
    const json = JSON.parse(head.out) as { line: string; seq: number; vaultId: string };
    expect(json.seq).toBe(4);
    const line = readFileSync(join(work, 'head.txt'), 'utf8');
    expect(line).toBe(`${json.line}\n`);
    expect(parseAnchorLine(line)).toMatchObject({ seq: 4, vaultId: json.vaultId });
    expect(line).toMatch(
      /^KPDESK-AUDIT-HEAD 1 vault=[0-9a-f-]{36} seq=4 hash=[0-9a-f]{64} at=\S+Z\n$/,
    );
    const again = await kpdesk(['audit', 'head', '--out', 'head.txt']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('nothing was overwritten');
  });
});

describe('kpdesk audit verify --anchors', () => {
  it('catches a certificate rewritten through plain SQL with the whole chain recomputed from event 1', async () => {
    expect((await kpdesk(['audit', 'head', '--out', 'before-draft.txt'])).code).toBe(0);
    await draft('US10003'); // events 5 (form used) and 6 (the certificate)
    expect((await kpdesk(['audit', 'head', '--out', 'after-draft.txt'])).code).toBe(0);
    expect((await kpdesk(['backup', 'after-draft.kpbak'])).code).toBe(0);
    await draft('US10005'); // events 7 and 8
    expect((await kpdesk(['audit', 'head', '--out', 'later.txt'])).code).toBe(0);

    await withVault((db) => {
      rewriteAndRechain(
        db,
        "UPDATE certificates SET consignee_name = 'Someone Else Ltd' WHERE number = 'US10003'",
      );
    });
    // Issue 13: "a certificate edited through plain SQL and the chain recomputed from event 1
    // gave 'Audit chain OK'". It still does: the chain alone cannot tell (and it records its head,
    // event 9: a head proves only what the chain shows; the anchors below still contradict it).
    const alone = await kpdesk(['audit', 'verify']);
    expect(alone.code).toBe(0);
    expect(alone.out).toContain('Audit chain OK: 8 events checked');

    // A head file taken after the rewritten point contradicts the chain.
    const later = await kpdesk(['audit', 'verify', '--anchors', 'later.txt']);
    expect(later.code).toBe(1);
    expect(later.out).toContain('ANCHORS CONTRADICT THE CHAIN');
    expect(later.out).toContain('Event 8 in the vault is not the event this anchor recorded');

    // Heads on both sides bound the first event that differs.
    const bounded = await kpdesk([
      'audit',
      'verify',
      '--anchors',
      'before-draft.txt',
      '--anchors',
      'later.txt',
      '--json',
    ]);
    expect(bounded.code).toBe(1);
    const report = JSON.parse(bounded.out) as {
      ok: boolean;
      anchors: { firstDifference: { from: number; to: number }; verdicts: { status: string }[] };
    };
    expect(report.ok).toBe(true); // the chain itself, as before
    expect(report.anchors.verdicts.map((v) => v.status)).toEqual(['holds', 'contradicted']);
    expect(report.anchors.firstDifference).toMatchObject({ from: 5, to: 8 });

    // A backup of this vault holds the whole chain: the event is named exactly.
    const exact = await kpdesk(['audit', 'verify', '--anchors', '.']);
    expect(exact.code).toBe(1);
    expect(exact.out).toContain(
      'The first event that differs is event 6: certificate.create on certificate US10003',
    );
    expect(exact.out).toMatch(
      /ignored +.*vault: neither a head file nor a KP Desk backup|CONTRADICTS/,
    );
  });

  it('catches the last event deleted together with its row', async () => {
    await draft('US10003');
    await draft('US10005'); // events 7 (form US10005 used) and 8 (its certificate)
    expect((await kpdesk(['audit', 'head', '--out', 'head.txt'])).code).toBe(0);
    expect((await kpdesk(['backup', 'head.kpbak'])).code).toBe(0);
    await withVault((db) => {
      rewriteAndRechain(
        db,
        `DELETE FROM audit_events WHERE seq = 8;
         DELETE FROM certificates WHERE number = 'US10005';`,
      );
    });
    // The anchors first: a verification they contradict records no head. (A clean one alone,
    // last below, records its head with an event of its own, which would take seq 8 again.)
    const anchored = await kpdesk(['audit', 'verify', '--anchors', 'head.txt']);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain("the vault's chain ends at event 7: events were removed");
    // A head alone cannot tell whether events before it were rewritten as well.
    expect(anchored.out).toContain('The first event that differs lies between event 1 and event 8');
    // The backup holds the chain as it was: events 1 to 7 agree, 8 is gone.
    const exact = await kpdesk(['audit', 'verify', '--anchors', 'head.kpbak']);
    expect(exact.code).toBe(1);
    expect(exact.out).toContain('The first event that differs is event 8 (no longer in the vault)');

    const alone = await kpdesk(['audit', 'verify']);
    expect(alone.out).toContain('Audit chain OK: 7 events checked');
  });

  it('holds for an untouched vault, reports another vault’s head apart, and refuses what is not an anchor', async () => {
    expect((await kpdesk(['audit', 'head', '--out', 'head.txt'])).code).toBe(0);
    await draft('US10003');
    writeFileSync(
      join(work, 'other.txt'),
      `KPDESK-AUDIT-HEAD 1 vault=00000000-0000-4000-8000-000000000000 seq=3 hash=${'a'.repeat(64)} at=2026-01-01T00:00:00.000Z\n`,
    );
    const fine = await kpdesk([
      'audit',
      'verify',
      '--anchors',
      'head.txt',
      '--anchors',
      'other.txt',
    ]);
    expect(fine.code, fine.out).toBe(0);
    expect(fine.out).toContain('none contradicts the chain');
    expect(fine.out).toContain('other vault');

    writeFileSync(join(work, 'notes.txt'), 'KPDESK-AUDIT-HEAD but not really\n');
    const broken = await kpdesk(['audit', 'verify', '--anchors', 'notes.txt']);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('cannot read');
  });
});
