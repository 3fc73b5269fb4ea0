// Who is acting, for commands that write: every write goes through the issuance service, which
// checks the signed-in user's role and records the user in the audit chain, exactly as in the
// app. The password comes from --password-file, KPDESK_PASSWORD or the prompt.
import type { Actor } from '../electron/core/issuance/actor';
import type { VaultServices } from '../electron/core/vault/vault-services';
import type { CliIo } from './cli-io';
import { usageFailure } from './command-outcome';
import { readSecret } from './read-secret';

export const PASSWORD_ENV = 'KPDESK_PASSWORD';

export const signInOptions = {
  user: { type: 'string' },
  'password-file': { type: 'string' },
} as const;

export type SignInValues = { user?: string | undefined; 'password-file'?: string | undefined };

export const signInHelp = `  --user <username>           Sign in as this user (asked for on a terminal).
  --password-file <file>      Read the user's password from a file (else $${PASSWORD_ENV},
                              else a prompt).`;

/**
 * Checked before a command that acts opens the vault: without a terminal to ask on (a script),
 * the user must be named, and saying so first spares the unlock.
 */
export function requireActingUser(values: SignInValues, io: CliIo): void {
  if (values.user === undefined && io.terminal === undefined)
    throw usageFailure('Name the user who acts with --user <username>.', {
      '--user': 'required',
    });
}

export async function signInFromOptions(
  services: VaultServices,
  values: SignInValues,
  io: CliIo,
): Promise<Actor> {
  let username = values.user;
  if (username === undefined && io.terminal !== undefined)
    username = (await io.terminal.ask('Username: ')).trim();
  if (username === undefined || username === '')
    throw usageFailure('Name the user who registers the forms with --user <username>.', {
      '--user': 'required',
    });
  const password = await readSecret(
    {
      label: 'password',
      fileOption: '--password-file',
      file: values['password-file'],
      envVar: PASSWORD_ENV,
    },
    io,
  );
  const user = services.users.signIn({ username, password });
  return { userId: user.id, role: user.role };
}
