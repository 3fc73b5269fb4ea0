// `kpdesk identity replace --reason` on the BUILT CLI against a real encrypted vault (issue 13,
// part 3 follow-up). The administrator set a signing secret and opened this computer (HOME) for
// signing; a certificate is issued and signed. The vault then moves to another computer (another
// HOME) and the secret is forgotten: nothing opens the keys. `replace` is refused to an operator,
// without a reason, and while the keys can still be opened; on the new computer it makes a new
// identity, and after a new secret is set a second certificate is signed. `kpdesk verify --vault`
// finds both PDFs VALID, each against the identity and seal key that signed it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeysReplaced } from '../../shared/ipc/signing-keys-replacement-contract';
import type { BuiltCli } from './cli-built';
import { buildCli } from './cli-built';
import { issueCertificateFile } from './cli-issue-file';
import type { CliTestVault } from './cli-test-vault';
import { errorOf, makeCliTestVault } from './cli-test-vault';

const SECRET = 'ada signing secret for the cli';
const NEW_SECRET = 'a new signing secret after the replacement';
const REASON = 'The computer opened for signing was replaced and nobody knows the secret.';

let cli: BuiltCli | undefined;
let vault: CliTestVault;

const issue = (digits: string, user: string, env: Record<string, string> = {}) =>
  issueCertificateFile(vault, digits, user, env);

beforeAll(async () => {
  vault = await makeCliTestVault(() => cli, 'identity-replace-cli', 'US12345-US12350');
  cli = await buildCli();
}, 120_000);

afterAll(async () => {
  await cli?.remove();
  await vault.remove();
});

describe('kpdesk identity replace (built CLI)', () => {
  it('replaces keys nobody can open; certificates signed before and after both verify VALID', async () => {
    const setUp: [string[], Record<string, string>][] = [
      [['identity', 'generate', '--signer-name', 'Ada Admin', '--user', 'ada', '--json'], {}],
      [
        ['identity', 'secret', 'set', '--user', 'ada', '--json'],
        { KPDESK_NEW_SIGNING_SECRET: SECRET },
      ],
      [
        ['identity', 'open-workstation', '--user', 'ada', '--json'],
        { KPDESK_SIGNING_SECRET: SECRET },
      ],
    ];
    for (const [args, env] of setUp) {
      const done = await vault.kpdesk(args, env);
      expect(done.code, `${args.join(' ')}: ${done.stdout}`).toBe(0);
    }
    const before = await issue('12345', 'otto');
    expect(before.code, before.stderr).toBe(0);

    // On this computer the keys open: nothing to replace, and nothing changes.
    const openHere = await vault.kpdesk([
      'identity', 'replace', '--reason', REASON, '--user', 'ada', '--json',
    ]); // prettier-ignore
    expect(errorOf(openHere).code).toBe('CONFLICT');

    // The vault on another computer, the secret forgotten: locked for good.
    const elsewhere = join(vault.work, 'new-computer');
    await mkdir(elsewhere);
    const home = { HOME: elsewhere };
    expect(errorOf(await issue('12346', 'otto', home)).code).toBe('SIGNING_LOCKED');
    const byOperator = await vault.kpdesk(
      ['identity', 'replace', '--reason', REASON, '--user', 'otto', '--json'],
      home,
    );
    expect(errorOf(byOperator).code).toBe('FORBIDDEN');
    const noReason = await vault.kpdesk(['identity', 'replace', '--user', 'ada', '--json'], home);
    expect(errorOf(noReason)).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { '--reason': 'required' },
    });
    const bell = await vault.kpdesk(
      ['identity', 'replace', '--reason', `${REASON}\u0007`, '--user', 'ada', '--json'],
      home,
    );
    expect(errorOf(bell).code).toBe('INVALID_INPUT');
    expect(errorOf(bell).fields?.reason).toMatch(/U\+0007/);

    const replaced = await vault.kpdesk(
      ['identity', 'replace', '--reason', REASON, '--user', 'ada', '--json'],
      home,
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    const output = JSON.parse(replaced.stdout) as SigningKeysReplaced;
    // The secret's wrap and the first computer's wrap.
    expect(output.erasedWraps).toBe(2);
    expect(output.identity.fingerprintSha256).not.toBe(output.retiredFingerprintSha256);
    const text = await vault.kpdesk(['identity', 'show', '--user', 'ada'], home);
    expect(text.stdout).toContain(output.identity.fingerprintSha256);

    // A new process: the new keys are pending until a secret protects them.
    const secret = await vault.kpdesk(['identity', 'secret', 'set', '--user', 'ada', '--json'], {
      ...home,
      KPDESK_NEW_SIGNING_SECRET: NEW_SECRET,
    });
    expect(secret.code, secret.stderr).toBe(0);
    const after = await issue('12346', 'ada', { ...home, KPDESK_SIGNING_SECRET: NEW_SECRET });
    expect(after.code, after.stderr).toBe(0);
    // The old secret opens nothing any more.
    expect(
      errorOf(await issue('12347', 'ada', { ...home, KPDESK_SIGNING_SECRET: SECRET })).code,
    ).toBe('SIGNING_SECRET_WRONG');

    for (const pdf of ['US12345.pdf', 'US12346.pdf']) {
      const verified = await vault.kpdesk(['verify', pdf, '--vault', '--json'], home);
      expect(verified.code, verified.stdout).toBe(0);
      const result = (JSON.parse(verified.stdout) as { result: { verdict: string } }).result;
      expect(result.verdict).toBe('VALID');
    }

    const record = await vault.withVault((_services, db) => ({
      reasons: db.prepare('SELECT reason FROM signing_key_replacements').pluck().all(),
      actions: db.prepare('SELECT action FROM audit_events ORDER BY seq').pluck().all(),
    }));
    expect(record.reasons).toEqual([REASON]);
    expect(record.actions).toContain('signing-keys.replace');
  });
});
