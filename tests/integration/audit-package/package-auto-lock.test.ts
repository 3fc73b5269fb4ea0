// Auto-lock while an audit package is read (issue 14, part 4; docs/audit-package.md): the package
// is the licensee's whole record, so it closes after this computer's auto-lock time like the
// vault, on a timer (nobody needs to touch the app), and closing deletes its temporary copy from
// the disk. The next call says what happened, in words a reviewer understands, and names the
// file; opening it again works, and a package in use does not close.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelHarness } from '../../helpers/vault-channel-harness';
import { createChannelHarness } from '../../helpers/vault-channel-harness';

const PASSPHRASE = 'for USKPA, sent by post';
const CHECK_MS = 40;

let h: ChannelHarness;
let packageBytes: Buffer;
let privateTmp: string;
const savedTmp = process.env.TMPDIR;

const minutes = (n: number): void => {
  h.clock.now = new Date(h.clock.now.getTime() + n * 60_000);
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The package's temporary folders (its read-only vault), in this test's own temp folder. */
const workspaces = (): string[] =>
  readdirSync(privateTmp).filter((name) => name.startsWith('kpdesk-package-'));

async function openPackage(): Promise<void> {
  const imports = join(h.dialogs.root, 'imports');
  mkdirSync(imports, { recursive: true });
  writeFileSync(join(imports, 'records.kpdesk-audit'), packageBytes);
  await h.value('auditPackage:open', { passphrase: PASSPHRASE });
}

beforeAll(async () => {
  h = createChannelHarness({ packageIdleCheckMs: CHECK_MS });
  await h.firstRun();
  const certificateId = await h.issueFixture();
  await h.value('identity:generate', { signerName: 'Ada Admin' });
  await h.value('documents:sign', { certificateId });
  const exported = await h.value<{ path: string }>('auditPackage:export', {
    passphrase: PASSPHRASE,
  });
  packageBytes = readFileSync(exported.path);
  await h.value('vault:lock');
  // The package's folder is made under os.tmpdir(): a folder of this test's own, so that no
  // other test's package is counted.
  privateTmp = mkdtempSync(join(tmpdir(), 'kp-autolock-'));
  process.env.TMPDIR = privateTmp;
}, 180_000);
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(privateTmp, { recursive: true, force: true });
  h.dispose();
});

describe('auto-lock while an audit package is read', () => {
  it('stays open while it is used', async () => {
    await openPackage();
    expect(workspaces()).toHaveLength(1);
    for (let i = 0; i < 3; i += 1) {
      minutes(10);
      expect(await h.code('certificates:list', {})).toBe('ok');
      await pause(CHECK_MS * 3);
    }
    expect(await h.value('auditPackage:current')).not.toBeNull();
    expect(workspaces()).toHaveLength(1);
    expect(await h.value('auditPackage:close')).toEqual({ closed: true });
    expect(workspaces()).toEqual([]);
  });

  it('closes on its own after the auto-lock time, deletes its copy, and says so at the next call', async () => {
    await openPackage();
    const [workspace] = workspaces();
    expect(workspace).toBeDefined();
    minutes(16); // the default auto-lock time is 15 minutes
    // No call is made: the timer closes it.
    await pause(CHECK_MS * 5);
    expect(existsSync(join(privateTmp, workspace ?? ''))).toBe(false);
    expect(await h.value('auditPackage:current')).toBeNull();
    expect((await h.value<{ vault: string }>('vault:status')).vault).toBe('locked');

    const answer = await h.call('certificates:list', {});
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('VAULT_LOCKED');
      expect(answer.error.message).toBe(
        'The audit package records.kpdesk-audit was closed after 15 minutes without use, and its temporary copy was deleted from this computer. Open it again with its passphrase to go on reading.',
      );
      expect(answer.error.fields).toEqual({ auditPackage: 'records.kpdesk-audit' });
    }

    // Opened again with its passphrase, it reads as before; the notice is gone.
    await openPackage();
    expect(await h.code('certificates:list', {})).toBe('ok');
    expect(await h.value('auditPackage:close')).toEqual({ closed: true });
    const locked = await h.call('certificates:list', {});
    expect(locked.ok ? 'ok' : locked.error.message).toBe(
      'The vault is locked. Unlock it with your passphrase.',
    );
  });
});
