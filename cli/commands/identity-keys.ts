// `kpdesk identity secret set|change`, `open-workstation`, `close-workstation`, `signing-keys`
// and `export-escrow`: the protection of the signing keys (issue 13, part 3; docs/security.md)
// through the same signing keyring as the app's Settings → Signing keys. Administrators only,
// except `signing-keys` (any role reads how the keys are protected). Secrets come from a file,
// an environment variable or a prompt without echo (read-secret.ts), never from the arguments.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SigningKeysStatus } from '../../shared/ipc/signing-keys-contract';
import { inProcessWorkstationVault } from '../../electron/core/signing-keys/in-process-workstation-vault';
import {
  closeWorkstationForSigning,
  openThisWorkstationForSigning,
} from '../../electron/core/signing-keys/workstation-signing';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import { cliFileKeychain, cliKeychainPath } from '../cli-file-keychain';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { SIGNING_SECRET_ENV } from '../open-signing-for-command';
import { withVaultForCommand } from '../open-vault-for-command';
import type { UnlockValues } from '../unlock-from-options';
import { readSecret } from '../read-secret';
import { requireActingUser, signInFromOptions } from '../sign-in-from-options';

export const NEW_SIGNING_SECRET_ENV = 'KPDESK_NEW_SIGNING_SECRET';
export const ESCROW_PASSPHRASE_ENV = 'KPDESK_ESCROW_PASSPHRASE';

export const identityKeyActions = [
  'secret',
  'open-workstation',
  'close-workstation',
  'signing-keys',
  'export-escrow',
] as const;
type KeyAction = (typeof identityKeyActions)[number];

export const identityKeysHelp = `  kpdesk identity signing-keys --user <username> [options]
  kpdesk identity secret set|change --user <admin> [--new-secret-file <file>]
                           [--secret-file <file>] [options]
  kpdesk identity open-workstation --user <admin> [--secret-file <file>] [options]
  kpdesk identity close-workstation --user <admin> [--all] [options]
  kpdesk identity export-escrow --out <file> --user <admin> [--secret-file <file>]
                           [--export-passphrase-file <file>] [options]

The signing and seal private keys are stored wrapped under a key that the vault passphrase does
not open (docs/security.md). It is opened by an administrator's signing secret, or on a computer
an administrator opened for signing.

signing-keys        How the keys are protected and whether this computer signs (any role).
secret set          Set your signing secret (administrators). The first one after the upgrade
                    protects the keys; until then signing is refused.
secret change       Change your signing secret (needs the current one).
open-workstation    Open this computer for signing with your signing secret: operators then sign
                    here without it. The command line keeps its key in
                    ~/.config/kpdesk/signing-keychain.key (0600); the app uses the OS keychain.
close-workstation   Close this computer for signing (--all: every computer, e.g. a lost laptop).
export-escrow       Write the signing key, its certificate chain and the seal key to a new
                    file, each key as encrypted PKCS#8 under an export passphrase (audited).

Options:
  --secret-file <file>        Your signing secret (else $${SIGNING_SECRET_ENV}, else a prompt).
  --new-secret-file <file>    secret set|change: the new signing secret (else
                              $${NEW_SIGNING_SECRET_ENV}, else a prompt, asked twice).
  --export-passphrase-file <file>
                              export-escrow: the file's passphrase (else
                              $${ESCROW_PASSPHRASE_ENV}, else a prompt, asked twice).
  --out <file>                export-escrow: the new file to write (never overwritten).
  --all                       close-workstation: every computer opened for signing.
`;

/** Besides the sign-in options and --out, which `kpdesk identity` already has. */
export const identityKeyOptions = {
  'secret-file': { type: 'string' },
  'new-secret-file': { type: 'string' },
  'export-passphrase-file': { type: 'string' },
  all: { type: 'boolean' },
} as const;

type KeyValues = {
  user?: string | undefined;
  'password-file'?: string | undefined;
  'secret-file'?: string | undefined;
  'new-secret-file'?: string | undefined;
  'export-passphrase-file'?: string | undefined;
  out?: string | undefined;
  all?: boolean | undefined;
} & UnlockValues;

export function isIdentityKeyAction(first: string | undefined): boolean {
  return identityKeyActions.some((action) => action === first);
}

export function formatSigningKeys(status: SigningKeysStatus): string {
  const lines = [
    `Protection:   ${status.state === 'protected' ? 'signing secret' : status.state === 'pending' ? 'NOT YET: no signing secret is set' : 'no keys yet'}`,
    `Signing:      ${status.canSign ? `open (${status.openedBy ?? ''})` : 'locked'}`,
    `Secrets:      ${status.administratorsWithSecret.length === 0 ? 'none' : status.administratorsWithSecret.join(', ')}`,
    `Workstations: ${String(status.workstations.length)} opened for signing`,
    status.message,
  ];
  return `${lines.join('\n')}\n`;
}

function parseKeyAction(positionals: readonly string[]): {
  action: KeyAction;
  change: boolean;
} {
  const [first, second, ...rest] = positionals;
  const action = identityKeyActions.find((known) => known === first);
  if (action === undefined) throw usageFailure(`Unknown identity action "${first ?? ''}".`);
  if (action === 'secret') {
    if (second !== 'set' && second !== 'change')
      throw usageFailure('Say "kpdesk identity secret set" or "kpdesk identity secret change".');
    if (rest.length > 0) throw usageFailure('Too many arguments for "kpdesk identity secret".');
    return { action, change: second === 'change' };
  }
  if (second !== undefined)
    throw usageFailure(`Too many arguments for "kpdesk identity ${action}".`);
  return { action, change: false };
}

/** Run from `kpdesk identity` when its first argument is one of identityKeyActions. */
export async function runIdentityKeys(
  {
    values,
    positionals,
    json,
  }: { values: KeyValues; positionals: readonly string[]; json: boolean },
  io: CliIo,
): Promise<ExitCode> {
  {
    const { action, change } = parseKeyAction(positionals);
    if (action === 'export-escrow') {
      if (values.out === undefined)
        throw usageFailure('Name the new escrow file with --out <file>.', { '--out': 'required' });
      if (existsSync(resolve(io.cwd, values.out)))
        throw usageFailure(`${values.out} already exists; it is never overwritten.`, {
          '--out': 'exists',
        });
    }
    requireActingUser(values, io);
    const secret = (label: string) =>
      readSecret(
        {
          label,
          fileOption: '--secret-file',
          file: values['secret-file'],
          envVar: SIGNING_SECRET_ENV,
        },
        io,
      );
    const output = await withVaultForCommand(values, io, async ({ services, db }) => {
      const actor = await signInFromOptions(services, values, io);
      const operations = documentOperationsFor(db, {
        now: () => new Date(),
        resourcesDir: undefined,
      });
      const keyring = operations.signingKeys;
      if (action === 'signing-keys') return { signingKeys: keyring.status(actor) };
      // The role is checked before any secret is asked for.
      keyring.authorizeAdministrator(actor, 'change how the signing keys are protected');
      const keychain = cliFileKeychain(cliKeychainPath(io.env));
      const vault = inProcessWorkstationVault(keyring, actor);
      if (action === 'secret') {
        const current = change ? await secret('current signing secret') : undefined;
        const next = await readSecret(
          {
            label: 'new signing secret',
            fileOption: '--new-secret-file',
            file: values['new-secret-file'],
            envVar: NEW_SIGNING_SECRET_ENV,
            isNew: true,
          },
          io,
        );
        return {
          signingKeys: await keyring.setSecret(actor, {
            secret: next,
            ...(current === undefined ? {} : { currentSecret: current }),
          }),
        };
      }
      if (action === 'open-workstation')
        return {
          signingKeys: await openThisWorkstationForSigning(vault, keychain, {
            secret: await secret('signing secret'),
          }),
        };
      if (action === 'close-workstation')
        return {
          signingKeys: await closeWorkstationForSigning(vault, keychain, {
            which: values.all === true ? 'all' : 'this',
          }),
        };
      const given = await secret('signing secret');
      const exportPassphrase = await readSecret(
        {
          label: 'escrow export passphrase',
          fileOption: '--export-passphrase-file',
          file: values['export-passphrase-file'],
          envVar: ESCROW_PASSPHRASE_ENV,
          isNew: true,
        },
        io,
      );
      const exported = await operations.exportEscrow(actor, {
        secret: given,
        exportPassphrase,
        path: resolve(io.cwd, values.out ?? ''),
      });
      return {
        escrow: {
          file: values.out ?? '',
          identityFingerprintSha256: exported.identityFingerprintSha256,
          sealKey: exported.sealKey,
        },
        signingKeys: keyring.status(actor),
      };
    });
    if (json) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else {
      const heading: Record<KeyAction, string> = {
        'signing-keys': '',
        secret: change ? 'Your signing secret was changed.\n' : 'Your signing secret is set.\n',
        'open-workstation': 'This computer is open for signing.\n',
        'close-workstation':
          values.all === true
            ? 'Every computer is closed for signing.\n'
            : 'This computer is closed for signing.\n',
        'export-escrow': `The signing keys were written to ${values.out ?? ''} (encrypted PKCS#8; keep the passphrase apart from the file).\n`,
      };
      io.stdout(`${heading[action]}${formatSigningKeys(output.signingKeys)}`);
    }
    return exitCodes.ok;
  }
}
