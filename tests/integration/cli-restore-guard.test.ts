// `kpdesk backup` and `kpdesk restore` run in-process on real vaults (issue 13's findings, each a
// test that fails on the code before it): another vault's backup made with another passphrase
// replaced a licensee's vault with rc 0; an older backup silently dropped events; nothing
// recorded a restore; a manifest date changed with recomputed checksums was shown; backups were
// written 0644. Every refusal leaves the vault folder byte for byte as it was.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runKpdesk } from '../../cli/kpdesk';
import { formatHeaderLine, parseHeaderLine } from '../../electron/core/vault/backup/backup-format';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { validDraft } from './vault/vault-fixture';
import { captureIo } from '../unit/cli/capture-io';

const PASSPHRASE = 'correct horse battery staple';
const OTHER_PASSPHRASE = 'another vault, another passphrase';
const PASSWORD = 'ada admin password 42';
const TEST_KDF = { N: 1024, r: 8, p: 1 };

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'kpdesk-restore-guard-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A vault with its administrator "ada", a confirmed recovery key and `numbers` in stock. */
async function makeVault(name: string, passphrase: string, numbers: string): Promise<string> {
  const dir = join(work, name);
  const created = await createVault({ dir, passphrase, kdf: TEST_KDF });
  try {
    const services = createVaultServices(created.db, { passwordHashing: TEST_KDF });
    const admin = services.issuance.createFirstAdministrator({
      username: 'ada',
      displayName: 'Ada Admin',
      password: PASSWORD,
    });
    services.issuance.recordRecoveryKeyConfirmed(admin.id);
    services.issuance.registerStock({ userId: admin.id, role: 'administrator' }, { numbers });
  } finally {
    created.key.fill(0);
    created.db.close();
  }
  return dir;
}

/** Drafts a certificate on `number` as ada (two audit events: the form used, the draft). */
async function draftCertificate(dir: string, passphrase: string, number: string): Promise<void> {
  const db = await unlockVault({ dir, secret: { passphrase } });
  try {
    const services = createVaultServices(db, { passwordHashing: TEST_KDF });
    services.issuance.createDraft(
      { userId: 1, role: 'administrator' },
      { number, draft: validDraft(number) },
    );
  } finally {
    db.close();
  }
}

async function kpdesk(args: string[], passphrase = PASSPHRASE) {
  const io = captureIo();
  const env = { KPDESK_PASSPHRASE: passphrase, KPDESK_PASSWORD: PASSWORD };
  const code = await runKpdesk(args, { ...io, cwd: work, env });
  return { code, out: io.out(), err: io.err() };
}

function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort())
    out[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  return out;
}

const vaultIdOf = (dir: string): string =>
  (JSON.parse(readFileSync(vaultLocation(dir).keyFilePath, 'utf8')) as { vaultId: string }).vaultId;

type Outcome = Awaited<ReturnType<typeof kpdesk>>;
const errorOf = (outcome: Outcome) =>
  (JSON.parse(outcome.out) as { error: { code: string; message: string; fields?: unknown } }).error;

type Event = { seq: number; action: string; entity_id: string; user_id: number | null };

async function lastEvent(dir: string, passphrase = PASSPHRASE) {
  const db = await unlockVault({ dir, secret: { passphrase } });
  try {
    const event = db
      .prepare<[], Event>('SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1')
      .get() as Event;
    const fact = db
      .prepare<[string], string>('SELECT value_json FROM settings WHERE key = ?')
      .pluck()
      .get(event.entity_id);
    return { event, fact: JSON.parse(fact ?? 'null') as Record<string, unknown> };
  } finally {
    db.close();
  }
}

describe('kpdesk backup', () => {
  it('writes the backup owner-only (0600), with the audit head in its manifest', async () => {
    const dir = await makeVault('vault', PASSPHRASE, 'US10000-US10002');
    const done = await kpdesk(['backup', 'vault.kpbak', '--dir', dir, '--json']);
    expect(done.code, done.err).toBe(0);
    const path = join(work, 'vault.kpbak');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const json = JSON.parse(done.out) as { auditHead: { seq: number; hash: string } };
    // One event for the administrator, one for the batch, one for its range of numbers (issue 13
    // part 6: one per registered range), one for the confirmation.
    expect(json.auditHead.seq).toBe(4);
    expect(json.auditHead.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('kpdesk restore', () => {
  it('replaces a vault with another vault’s backup only with the current passphrase and --replace-other-vault naming it', async () => {
    const dir = await makeVault('vault', PASSPHRASE, 'US10000-US10009');
    const other = await makeVault('other', OTHER_PASSPHRASE, 'US50000-US50001');
    expect((await kpdesk(['backup', 'other.kpbak', '--dir', other], OTHER_PASSPHRASE)).code).toBe(
      0,
    );
    writeFileSync(join(work, 'other-passphrase.txt'), OTHER_PASSPHRASE, { mode: 0o600 });
    const before = fingerprint(dir);

    // The backup's passphrase alone does not open the vault it would replace.
    const unproved = await kpdesk(
      ['restore', 'other.kpbak', '--dir', dir, '--yes', '--json'],
      OTHER_PASSPHRASE,
    );
    expect(unproved.code).toBe(2);
    expect(errorOf(unproved).code).toBe('VAULT_KEY_INVALID');

    const args = ['restore', 'other.kpbak', '--dir', dir, '--yes'];
    const backupSecret = ['--backup-passphrase-file', 'other-passphrase.txt'];
    const refused = await kpdesk([...args, ...backupSecret, '--json']);
    expect(refused.code).toBe(2);
    const error = errorOf(refused);
    expect(error.code).toBe('RESTORE_NOT_CONFIRMED');
    expect(error.message).toContain(`another vault (${vaultIdOf(other)})`);
    expect(error.message).toContain(`--replace-other-vault ${vaultIdOf(dir)}`);
    const wrongId = await kpdesk([...args, ...backupSecret, '--replace-other-vault', 'x']);
    expect(wrongId.code).toBe(2);
    expect(fingerprint(dir)).toEqual(before);

    const id = vaultIdOf(dir);
    const done = await kpdesk([...args, ...backupSecret, '--replace-other-vault', id, '--json']);
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({
      replacedVaultId: id,
      manifestAuthenticated: true,
    });
    const { event, fact } = await lastEvent(dir, OTHER_PASSPHRASE);
    expect(event).toMatchObject({ action: 'vault.restore', user_id: null });
    expect(fact).toMatchObject({
      authorisedBy: { kind: 'passphrase' },
      backup: { file: 'other.kpbak', vaultId: vaultIdOf(other) },
      replaced: { vaultId: id, otherVault: true, head: { seq: 4 } },
    });
    const audit = await kpdesk(['audit', 'verify', '--dir', dir, '--json'], OTHER_PASSPHRASE);
    expect(JSON.parse(audit.out)).toMatchObject({ ok: true });
  });

  it('says how many events and which certificates an older backup drops, and restores it only with --drop-events <that number>', async () => {
    const dir = await makeVault('vault', PASSPHRASE, 'US10000-US10009');
    expect((await kpdesk(['backup', 'old.kpbak', '--dir', dir])).code).toBe(0);
    await draftCertificate(dir, PASSPHRASE, 'US10003');
    await draftCertificate(dir, PASSPHRASE, 'US10007');
    const before = fingerprint(dir);

    const refused = await kpdesk(['restore', 'old.kpbak', '--dir', dir, '--yes', '--json']);
    expect(refused.code).toBe(2);
    const error = errorOf(refused);
    expect(error.code).toBe('RESTORE_NOT_CONFIRMED');
    expect(error.message).toContain('drops 4 events');
    expect(error.message).toContain('certificates US10003, US10007');
    expect(error.message).toContain('--drop-events 4');
    const text = await kpdesk([
      'restore',
      'old.kpbak',
      '--dir',
      dir,
      '--yes',
      '--drop-events',
      '3',
    ]);
    expect(text.code).toBe(2);
    expect(text.err).toContain('drops 4 events');
    expect(fingerprint(dir)).toEqual(before);

    const done = await kpdesk([
      'restore',
      'old.kpbak',
      '--dir',
      dir,
      '--yes',
      '--drop-events',
      '4',
    ]);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('4 audit events of the replaced vault are not in the restored one');
    const { event, fact } = await lastEvent(dir);
    expect(event).toMatchObject({ seq: 5, action: 'vault.restore' });
    expect(fact).toMatchObject({
      authorisedBy: { kind: 'passphrase' },
      replaced: {
        otherVault: false,
        eventsDropped: 4,
        certificatesDropped: ['US10003', 'US10007'],
        head: { seq: 8 },
      },
      backup: { head: { seq: 4 } },
    });
  });

  it('restores the same vault’s newer backup with --yes alone, and records it', async () => {
    const dir = await makeVault('vault', PASSPHRASE, 'US10000-US10001');
    expect((await kpdesk(['backup', 'same.kpbak', '--dir', dir])).code).toBe(0);
    const done = await kpdesk(['restore', 'same.kpbak', '--dir', dir, '--yes', '--json']);
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ eventsDropped: 0, auditHead: { seq: 5 } });
    expect((await lastEvent(dir)).event.action).toBe('vault.restore');
  });

  it('refuses a manifest whose date was changed with recomputed checksums, never showing it', async () => {
    const dir = await makeVault('vault', PASSPHRASE, 'US10000');
    expect((await kpdesk(['backup', 'vault.kpbak', '--dir', dir])).code).toBe(0);
    const bytes = readFileSync(join(work, 'vault.kpbak'));
    const newline = bytes.indexOf(0x0a);
    const header = parseHeaderLine(bytes.subarray(0, newline).toString());
    if (header === undefined) throw new Error('not a backup');
    const start = newline + 1;
    const manifest = JSON.parse(
      bytes.subarray(start, start + header.manifestLength).toString(),
    ) as Record<string, unknown>;
    const forgedBytes = Buffer.from(
      `${JSON.stringify({ ...manifest, createdAt: '2019-01-01T00:00:00.000Z' })}\n`,
    );
    const forgedHeader = formatHeaderLine({
      ...header,
      manifestSha256: createHash('sha256').update(forgedBytes).digest('hex'),
      manifestLength: forgedBytes.length,
    });
    writeFileSync(
      join(work, 'forged.kpbak'),
      Buffer.concat([
        Buffer.from(forgedHeader),
        forgedBytes,
        bytes.subarray(start + header.manifestLength),
      ]),
    );
    const before = fingerprint(dir);
    const refused = await kpdesk(['restore', 'forged.kpbak', '--dir', dir, '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('manifest is not authentic');
    expect(refused.out + refused.err).not.toContain('2019-01-01');
    expect(fingerprint(dir)).toEqual(before);
  });
});
