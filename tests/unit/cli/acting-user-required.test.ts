// Commands that act in the vault as a user refuse, in a script (no terminal to ask on), to run
// without --user: exit 2 with the typed error naming the option, said before any vault is opened
// (the folder given here does not exist, so an unlock would fail otherwise). One check shared by
// every such command (cli/sign-in-from-options.ts, requireActingUser).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKpdesk } from '../../../cli/kpdesk';
import type { AppError } from '../../../shared/errors';
import { voidReasons } from '../../../shared/reference/reference-data';
import { captureIo, repoRoot } from './capture-io';

const noVault = join(repoRoot, 'no-such-vault-folder');

const commands: [string, string[]][] = [
  ['trust', ['trust', 'list']],
  ['identity', ['identity', 'show']],
  ['identity (signing keys)', ['identity', 'signing-keys']],
  ['templates', ['templates', 'list']],
  ['parties', ['parties', 'export']],
  ['incoming', ['incoming', 'list']],
  ['void', ['void', 'US10000', '--reason', voidReasons[0] ?? '']],
  ['ship', ['ship', 'US10000', '--date', '2026-11-28']],
];

describe('kpdesk commands that act as a user', () => {
  it.each(commands)('%s refuses to run without --user in a script', async (_name, args) => {
    const io = captureIo();
    const code = await runKpdesk([...args, '--dir', noVault, '--json'], io);
    expect(code, io.out() + io.err()).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: AppError };
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Name the user who acts with --user <username>.',
      fields: { '--user': 'required' },
    });
  });
});
