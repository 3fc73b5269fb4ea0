// Reading an audit package in the app (issue 14, part 3) as the renderer reaches it
// (dispatchChannel → core handlers → vault gateway): a package exported from a real vault is
// opened from main's open dialog with its passphrase; a wrong passphrase, a tampered copy and a
// file that is not a certificate are refused and nothing opens; once open, the records, stock,
// statistics, audit log and review read the package, every channel that changes something is
// refused with AUDIT_PACKAGE_READ_ONLY, and closing returns to this computer's locked vault,
// whose records are untouched.
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { HARNESS_PASSPHRASE, createChannelHarness } from '../../helpers/vault-channel-harness';

const PASSPHRASE = 'for USKPA, sent by post';

let h: ChannelHarness;
let imports: string;
let exported: { path: string; sha256: string; headSeq: number; headHash: string };
let certificateId: number;

/** Puts a file in the open dialog's folder, newer than any before (the preview dialog's pick). */
let tick = 0;
function offer(name: string, bytes: Buffer): string {
  const path = join(imports, name);
  writeFileSync(path, bytes);
  tick += 10;
  const at = new Date(Date.now() + tick * 1000);
  utimesSync(path, at, at);
  return path;
}

beforeAll(async () => {
  h = createChannelHarness();
  await h.firstRun();
  await h.addUser('rita', 'reviewer');
  certificateId = await h.issueFixture();
  await h.value('identity:generate', { signerName: 'Ada Admin' });
  await h.value('documents:sign', { certificateId });
  await h.signInAs('rita');
  exported = await h.value('auditPackage:export', { passphrase: PASSPHRASE });
  imports = join(h.dialogs.root, 'imports');
  mkdirSync(imports, { recursive: true });
  await h.value('vault:lock');
}, 180_000);
afterAll(() => h.dispose());

describe('auditPackage:open, refused', () => {
  it('a wrong passphrase, a tampered copy, a trust file that is not a certificate: nothing opens', async () => {
    const bytes = readFileSync(exported.path);
    offer('records.kpdesk-audit', bytes);
    expect(
      await h.code('auditPackage:open', { passphrase: 'not the one it was sealed with' }),
    ).toBe('AUDIT_PACKAGE_PASSPHRASE_WRONG');
    const tampered = Buffer.from(bytes);
    const at = tampered.length - 5000;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const tamperedPath = offer('tampered.kpdesk-audit', tampered);
    const refused = await h.call('auditPackage:open', { passphrase: PASSPHRASE });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('AUDIT_PACKAGE_INVALID');
      expect(refused.error.fields?.check).toBe('decryption');
      expect(refused.error.message).toMatch(/altered after it was sealed|altered or cut short/);
    }
    rmSync(tamperedPath);
    offer('records.kpdesk-audit', bytes);
    offer(
      'licensee.pem',
      Buffer.from('-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n'),
    );
    expect(await h.code('auditPackage:open', { passphrase: PASSPHRASE, chooseTrust: true })).toBe(
      'TRUSTED_CERTIFICATE_INVALID',
    );
    expect(await h.value('auditPackage:current')).toBeNull();
    expect((await h.value<{ vault: string }>('vault:status')).vault).toBe('locked');
    h.dialogs.cancelNext();
    expect(await h.value('auditPackage:open', { passphrase: PASSPHRASE })).toEqual({
      cancelled: true,
    });
  });
});

describe('auditPackage:open, read-only', () => {
  it('opens the package read-only: everything visible, nothing changeable, closed on request', async () => {
    offer('records.kpdesk-audit', readFileSync(exported.path));
    const opened = await h.value<{
      cancelled: false;
      package: {
        sha256: string;
        licensee: string;
        exportedBy: string;
        headSeq: number;
        headHash: string;
        signature: { status: string; message: string };
        checks: { check: string; status: string }[];
      };
    }>('auditPackage:open', { passphrase: PASSPHRASE });
    const info = opened.package;
    expect(info.sha256).toBe(exported.sha256);
    expect(info.headSeq).toBe(exported.headSeq);
    expect(info.headHash).toBe(exported.headHash);
    expect(info.licensee).toBe('Hudson Rough Trading LLC');
    expect(info.exportedBy).toMatch(/\(rita, reviewer\)$/);
    expect(info.signature.status).toBe('untrusted');
    expect(info.signature.message).toMatch(/not trusted here/);
    expect(info.checks.map((c) => `${c.check}:${c.status}`)).toEqual([
      'decryption:passed',
      'signature:warning',
      'entries:passed',
      'audit-chain:passed',
      'documents:passed',
    ]);
    expect(await h.value('auditPackage:current')).toEqual(info);

    const status = await h.value<{ vault: string; user: { role: string; displayName: string } }>(
      'vault:status',
    );
    expect(status.vault).toBe('open');
    expect(status.user.role).toBe('reviewer');
    expect(status.user.displayName).toMatch(/audit package/);

    // Everything visible: the records, their documents, stock, statistics, audit log, review.
    const list = await h.value<{ items: { id: number; number: string }[] }>(
      'certificates:list',
      {},
    );
    expect(list.items.map((c) => c.number)).toEqual(['US12345']);
    const record = await h.value<{ number: string; state: string }>('certificates:get', {
      id: certificateId,
    });
    expect(record).toMatchObject({ number: 'US12345', state: 'ISSUED' });
    const stored = await h.value<{ documents: { kind: string }[] }>('documents:list', {
      certificateId,
    });
    expect(stored.documents.length).toBeGreaterThanOrEqual(1);
    expect(await h.code('stock:summary')).toBe('ok');
    expect(await h.code('reports:statistics', { period: '2026' })).toBe('ok');
    const log = await h.value<{ events: { action: string }[] }>('audit:list', {});
    expect(log.events.map((e) => e.action)).toContain('certificate.issue');
    const review = await h.value<{ findings: { severity: string }[] }>('review:run', {});
    expect(review.findings.filter((f) => f.severity === 'error')).toEqual([]);

    // Nothing changeable: refused by the core before it runs, naming the rule.
    for (const [channel, input] of [
      ['certificates:ship', { id: certificateId, shipDate: '2026-11-27' }],
      ['stock:register', { numbers: 'US20000-US20001' }],
      [
        'users:create',
        {
          username: 'xavier',
          displayName: 'Xavier',
          role: 'reviewer',
          password: 'correct horse battery',
        },
      ],
      ['session:signIn', { username: 'ada', password: 'correct horse battery' }],
      ['vault:unlock', { passphrase: HARNESS_PASSPHRASE }],
      ['auditPackage:export', { passphrase: PASSPHRASE }],
      ['audit:verify', {}],
    ] as const) {
      const result = await h.call(channel, input);
      expect(result.ok, channel).toBe(false);
      if (!result.ok) {
        expect(result.error.code, channel).toBe('AUDIT_PACKAGE_READ_ONLY');
        expect(result.error.message).toMatch(/nothing in it can be changed/);
      }
    }

    // Closing returns to this computer's vault, locked, with its own records as they were.
    expect(await h.value('auditPackage:close')).toEqual({ closed: true });
    expect(await h.value('auditPackage:current')).toBeNull();
    expect((await h.value<{ vault: string }>('vault:status')).vault).toBe('locked');
    expect(await h.code('certificates:list', {})).toBe('VAULT_LOCKED');
    expect(await h.value('auditPackage:close')).toEqual({ closed: false });
    await h.value('vault:unlock', { passphrase: HARNESS_PASSPHRASE });
    await h.signInAs('ada');
    const own = await h.value<{ items: { number: string }[] }>('certificates:list', {});
    expect(own.items.map((c) => c.number)).toEqual(['US12345']);
    const users = await h.value<{ username: string }[]>('users:list');
    expect(users.map((u) => u.username).sort()).toEqual(['ada', 'rita']);
  });
});
