// `kpdesk init` on a terminal, run in-process with a scripted terminal: the recovery key is
// shown once and must be typed back; three wrong answers remove the new vault again. Real
// scrypt cost (a few seconds per test): the CLI has no way to lower it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Terminal } from '../../cli/cli-io';
import { runKpdesk } from '../../cli/kpdesk';
import { unlockVault } from '../../electron/core/vault/keys/unlock-vault';
import { captureIo } from '../unit/cli/capture-io';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = 'ada admin password 42';

let work = '';

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kpdesk-init-tty-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Answers secrets in order; answers the confirmation with `confirm(shown recovery key)`. */
function scriptedTerminal(
  shown: () => string,
  confirm: (recoveryKey: string) => string,
): Terminal & { questions: string[] } {
  const secrets = [PASSPHRASE, PASSPHRASE, PASSWORD, PASSWORD];
  const questions: string[] = [];
  return {
    questions,
    askSecret: (question) => {
      questions.push(question);
      return Promise.resolve(secrets.shift() ?? '');
    },
    ask: (question) => {
      questions.push(question);
      const key = /KPR(-[0-9A-Z]{5}){8}/.exec(shown())?.[0] ?? '';
      return Promise.resolve(confirm(key));
    },
  };
}

describe('kpdesk init on a terminal', () => {
  it('shows the recovery key once and accepts its last group typed back', async () => {
    const io = captureIo();
    io.terminal = scriptedTerminal(io.err, (key) => (key.split('-').at(-1) ?? '').toLowerCase());
    const dir = join(work, 'vault');
    const code = await runKpdesk(['init', '--dir', dir, '--admin-user', 'ada'], io);
    expect(code, io.err()).toBe(0);
    expect(io.out()).toContain('Recovery key: confirmed');
    const key = /KPR(-[0-9A-Z]{5}){8}/.exec(io.err())?.[0] ?? '';
    expect(io.err().split(key)).toHaveLength(2);
    expect(io.out()).not.toContain(key);
    expect(io.err() + io.out()).not.toContain(PASSPHRASE);
    const db = await unlockVault({ dir, secret: { recoveryKey: key } });
    db.close();
  });

  it('removes the new vault when the key is not confirmed in three attempts', async () => {
    const io = captureIo();
    const terminal = scriptedTerminal(io.err, () => 'ZZZZZ');
    io.terminal = terminal;
    const dir = join(work, 'vault');
    const code = await runKpdesk(['init', '--dir', dir, '--admin-user', 'ada'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('the new vault was removed');
    expect(terminal.questions.filter((q) => q.includes('last group'))).toHaveLength(3);
    expect(existsSync(dir)).toBe(false);
  });
});
