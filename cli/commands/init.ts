// `kpdesk init`: the first run on the command line. Creates the encrypted vault (a random key
// wrapped under the passphrase and under a recovery key), its first administrator and,
// optionally, the licensee profile, and hands over the recovery key once
// (recovery-key-handover.ts). If the handover fails, the new vault is removed again
// (remove-new-vault.ts): a vault nobody holds the recovery key of is a trap, not a record.
import { existsSync } from 'node:fs';
import { createVault } from '../../electron/core/vault/keys/create-vault';
import { checkPassphrase } from '../../electron/core/vault/keys/passphrase-wrap';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import { parseInput } from '../../electron/core/vault/repositories/parse-input';
import { createVaultServices } from '../../electron/core/vault/vault-services';
import { FirstAdministratorSchema } from '../../shared/records/user-inputs';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { runCommand, usageFailure } from '../command-outcome';
import { readSecret } from '../read-secret';
import { showAndConfirmRecoveryKey, writeRecoveryKeyFile } from '../recovery-key-handover';
import { removeNewVault } from '../remove-new-vault';
import { undoOnAbort } from '../undo-on-abort';
import { PASSPHRASE_ENV } from '../unlock-from-options';
import type { InitPlan } from './init-options';
import { readInitOptions } from './init-options';

export const ADMIN_PASSWORD_ENV = 'KPDESK_ADMIN_PASSWORD';

export const initSummary = 'Create a new encrypted vault and its first administrator.';

export const initHelp = `Usage: kpdesk init --admin-user <username> [options]

Creates a new encrypted vault, its first administrator and, optionally, the licensee
profile. It shows the vault's recovery key once: on a terminal you type it back (its last
group is enough) to confirm you wrote it down; in a script it is written to the file
named by --recovery-key-out and nowhere else. If it is not confirmed, the new vault is
removed again.

Options:
  --dir <folder>                The vault folder (default: $KPDESK_VAULT_DIR, else the
                                per-user data folder, see docs/cli.md).
  --passphrase-file <file>      The new vault passphrase (at least 12 characters), else
                                $${PASSPHRASE_ENV}, else asked twice.
  --admin-user <username>       The first administrator's username.
  --admin-name <name>           Their full name (default: the username).
  --admin-password-file <file>  Their password (at least 12 characters), else
                                $${ADMIN_PASSWORD_ENV}, else asked twice.
  --licensee-name <name>        The licensee's legal name   } all three, to save the
  --licensee-address <text>     The licensee's address      } licensee profile now
  --tin <NN-NNNNNNN>            The licensee's TIN (EIN)    }
  --common-carrier              The licensee is a common carrier (may issue for others).
  --recovery-key-out <file>     Write the recovery key to this new file (mode 0600)
                                instead of showing it; required without a terminal.
  --json                        Print one JSON object: { dir, administrator, licensee,
                                recoveryKeyFile } (never the key itself).
  -h, --help                    Show this help.

Exit codes: 0 created, 2 usage error or refused (a vault already exists, a passphrase
too short, the recovery key not confirmed): no vault is left behind.
`;

async function createAndHandOver(plan: InitPlan, io: CliIo) {
  let username = plan.adminUser;
  if (username === undefined && io.terminal !== undefined)
    username = (await io.terminal.ask('Username of the first administrator: ')).trim();
  if (username === undefined || username === '')
    throw usageFailure('Name the first administrator with --admin-user <username>.');
  const passphrase = await readSecret(
    {
      label: 'vault passphrase',
      fileOption: '--passphrase-file',
      file: plan.passphraseFile,
      envVar: PASSPHRASE_ENV,
      isNew: true,
    },
    io,
  );
  checkPassphrase(passphrase);
  const password = await readSecret(
    {
      label: 'administrator password',
      fileOption: '--admin-password-file',
      file: plan.adminPasswordFile,
      envVar: ADMIN_PASSWORD_ENV,
      isNew: true,
    },
    io,
  );
  const administrator = parseInput(FirstAdministratorSchema, {
    username,
    displayName: plan.adminName ?? username,
    password,
  });

  const dirExisted = existsSync(plan.dir);
  const created = await createVault({ dir: plan.dir, passphrase });
  let finished = false;
  const undo = () => {
    if (created.db.open) created.db.close();
    if (!finished) removeNewVault(plan.dir, dirExisted);
  };
  try {
    return await undoOnAbort(undo, async () => {
      const services = createVaultServices(created.db);
      const admin = services.issuance.createFirstAdministrator(administrator);
      if (plan.licensee !== undefined)
        services.issuance.saveLicensee({ userId: admin.id, role: 'administrator' }, plan.licensee);
      if (plan.recoveryKeyOut !== undefined)
        await writeRecoveryKeyFile(plan.recoveryKeyOut, created.recoveryKey);
      else if (io.terminal !== undefined) {
        await showAndConfirmRecoveryKey(io.terminal, io.stderr, created.recoveryKey);
        // Typed back on the terminal: the app will not ask again. A key written to a file for a
        // script is not confirmed by anyone yet; the app asks for it on first sign-in.
        services.issuance.recordRecoveryKeyConfirmed(admin.id);
      }
      finished = true;
      return admin.username;
    });
  } finally {
    undo();
  }
}

export async function runInit(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const json = args.includes('--json');
  return runCommand(io, 'init', json, async () => {
    const plan = readInitOptions(args, io);
    if (plan.kind === 'help') {
      io.stdout(initHelp);
      return exitCodes.ok;
    }
    const administrator = await createAndHandOver(plan, io);
    const output = {
      dir: plan.dir,
      vaultPath: vaultLocation(plan.dir).vaultPath,
      administrator,
      licensee: plan.licensee?.legalName ?? null,
      recoveryKeyFile: plan.recoveryKeyOut ?? null,
    };
    if (json) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else
      io.stdout(`Created the vault in ${plan.dir}.
First administrator: ${administrator}.
Licensee profile: ${output.licensee ?? 'not set yet (set it in the app, as the administrator)'}.
Recovery key: ${plan.recoveryKeyOut === undefined ? 'confirmed' : `written to ${plan.recoveryKeyOut} (move it offline, then delete the file)`}.
`);
    return exitCodes.ok;
  });
}
