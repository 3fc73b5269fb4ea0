// `kpdesk identity secret|open-workstation|close-workstation|signing-keys|export-escrow` on the
// BUILT CLI against a real encrypted vault (issue 13, part 3). Each run is a new process, so
// nothing is held between commands: an operator's `kpdesk issue` signs only on a computer (here:
// a HOME folder) an administrator opened for signing, or with the administrator's own secret;
// the same vault from another HOME cannot sign; closing the computer ends it; the escrow export
// is refused without the secret, audited, 0600 and read by OpenSSL.
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeysStatus } from '../../shared/ipc/signing-keys-contract';
import type { BuiltCli } from './cli-built';
import { buildCli } from './cli-built';
import { issueCertificateFile } from './cli-issue-file';
import type { CliTestVault } from './cli-test-vault';
import { errorOf, makeCliTestVault } from './cli-test-vault';

const exec = promisify(execFile);
const SECRET = 'ada signing secret for the cli';
const EXPORT = 'escrow passphrase kept apart';

let cli: BuiltCli | undefined;
let vault: CliTestVault;
let next = 12345;

const statusOf = (stdout: string) =>
  (JSON.parse(stdout) as { signingKeys: SigningKeysStatus }).signingKeys;

/** Issues the next number from a new certificate file. */
const issue = (user: string, env: Record<string, string> = {}, extra: string[] = []) =>
  issueCertificateFile(vault, String(next++), user, env, extra);

const auditActions = () =>
  vault.withVault((_services, db) =>
    db.prepare<[], string>('SELECT action FROM audit_events ORDER BY seq').pluck().all(),
  );

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'signing-keys-cli', 'US12345-US12360');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk identity: protection of the signing keys (built CLI)', () => {
  it('goes from keys without a secret to an opened computer, another computer, and a closed one', async () => {
    const generated = await vault.kpdesk([
      'identity', 'generate', '--signer-name', 'Ada Admin', '--user', 'ada', '--json',
    ]); // prettier-ignore
    expect(generated.code, generated.stderr).toBe(0);
    // A new process: the keys made by the last one are pending, and signing says what it needs.
    const pending = await vault.kpdesk(['identity', 'signing-keys', '--user', 'otto', '--json']);
    expect(statusOf(pending.stdout)).toMatchObject({ state: 'pending', canSign: false });
    const lockedIssue = await issue('ada');
    expect(lockedIssue.code).toBe(2);
    expect(errorOf(lockedIssue).code).toBe('SIGNING_LOCKED');
    expect(errorOf(lockedIssue).message).toMatch(/signing secret/);

    const byOperator = await vault.kpdesk(
      ['identity', 'secret', 'set', '--user', 'otto', '--json'],
      {
        KPDESK_NEW_SIGNING_SECRET: SECRET,
      },
    );
    expect(errorOf(byOperator).code).toBe('FORBIDDEN');
    const tooShort = await vault.kpdesk(['identity', 'secret', 'set', '--user', 'ada', '--json'], {
      KPDESK_NEW_SIGNING_SECRET: 'short',
    });
    expect(errorOf(tooShort).code).toBe('INVALID_INPUT');
    const set = await vault.kpdesk(['identity', 'secret', 'set', '--user', 'ada', '--json'], {
      KPDESK_NEW_SIGNING_SECRET: SECRET,
    });
    expect(set.code, set.stderr).toBe(0);
    expect(statusOf(set.stdout)).toMatchObject({
      state: 'protected',
      administratorsWithSecret: ['ada'],
    });

    // Protected, nobody opened this computer: the operator cannot sign.
    const refused = await issue('otto');
    expect(errorOf(refused).code).toBe('SIGNING_LOCKED');
    expect(errorOf(refused).message).toMatch(/open-workstation/);

    const wrongOpen = await vault.kpdesk(
      ['identity', 'open-workstation', '--user', 'ada', '--json'],
      {
        KPDESK_SIGNING_SECRET: 'not the signing secret',
      },
    );
    expect(errorOf(wrongOpen).code).toBe('SIGNING_SECRET_WRONG');
    const opened = await vault.kpdesk(['identity', 'open-workstation', '--user', 'ada'], {
      KPDESK_SIGNING_SECRET: SECRET,
    });
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toContain('This computer is open for signing.');
    const keychainFile = join(vault.work, '.config', 'kpdesk', 'signing-keychain.key');
    expect(statSync(keychainFile).mode & 0o777).toBe(0o600);

    const signed = await issue('otto');
    expect(signed.code, signed.stderr).toBe(0);

    // The same vault from another computer (another HOME): no key there, no signature.
    const elsewhere = join(vault.work, 'other-computer');
    await mkdir(elsewhere);
    const fromElsewhere = await issue('otto', { HOME: elsewhere });
    expect(errorOf(fromElsewhere).code).toBe('SIGNING_LOCKED');
    // ... unless an administrator gives their secret for the run.
    const withSecret = await issue('ada', { HOME: elsewhere, KPDESK_SIGNING_SECRET: SECRET });
    expect(withSecret.code, withSecret.stderr).toBe(0);

    const closed = await vault.kpdesk(['identity', 'close-workstation', '--user', 'ada', '--json']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(statusOf(closed.stdout).workstations).toEqual([]);
    expect(errorOf(await issue('otto')).code).toBe('SIGNING_LOCKED');

    const actions = await auditActions();
    for (const action of [
      'signing-keys.create-kek',
      'signing-secret.set',
      'signing-keys.pending-erased',
      'signing-secret.refused',
      'signing-workstation.open',
      'signing-workstation.close',
      'signing.unlock',
    ])
      expect(actions).toContain(action);
  });

  it('exports the keys for escrow: administrators with their secret, audited, OpenSSL reads it', async () => {
    const env = { KPDESK_SIGNING_SECRET: SECRET, KPDESK_ESCROW_PASSPHRASE: EXPORT };
    const byOperator = await vault.kpdesk(
      ['identity', 'export-escrow', '--out', 'escrow.pem', '--user', 'otto', '--json'],
      env,
    );
    expect(errorOf(byOperator).code).toBe('FORBIDDEN');
    const noOut = await vault.kpdesk(['identity', 'export-escrow', '--user', 'ada', '--json'], env);
    expect(errorOf(noOut)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--out': 'required' },
    });
    const wrong = await vault.kpdesk(
      ['identity', 'export-escrow', '--out', 'escrow.pem', '--user', 'ada', '--json'],
      { ...env, KPDESK_SIGNING_SECRET: 'not the signing secret' },
    );
    expect(errorOf(wrong).code).toBe('SIGNING_SECRET_WRONG');
    const before = (await auditActions()).filter((a) => a === 'signing-keys.export-escrow').length;
    expect(before).toBe(0);

    const exported = await vault.kpdesk(
      ['identity', 'export-escrow', '--out', 'escrow.pem', '--user', 'ada', '--json'],
      env,
    );
    expect(exported.code, exported.stderr).toBe(0);
    const file = join(vault.work, 'escrow.pem');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { stdout } = await exec('openssl', [
      'pkey',
      '-in',
      file,
      '-passin',
      `pass:${EXPORT}`,
      '-noout',
      '-text',
    ]);
    expect(stdout).toMatch(/Private-Key/);
    expect((await auditActions()).filter((a) => a === 'signing-keys.export-escrow')).toHaveLength(
      1,
    );
    // Never overwritten.
    const again = await vault.kpdesk(
      ['identity', 'export-escrow', '--out', 'escrow.pem', '--user', 'ada', '--json'],
      env,
    );
    expect(errorOf(again).fields).toMatchObject({ '--out': 'exists' });
  });
});
