// `kpdesk recovery-key rotate`: replaces the vault's recovery key, e.g. when the paper it was
// written on may have been seen. The current passphrase proves the caller (the recovery key
// cannot replace itself), an administrator signs in, and the vault's key is wrapped under a new
// recovery key without re-encrypting anything (electron/core/vault/keys/rotate-recovery-key.ts);
// the old recovery key opens nothing any more. The new key is handed over as at `kpdesk init`:
// typed back on a terminal, or written to a new 0600 file for a script (then the app asks for it
// to be typed back, and keeps the records closed until it is).
import { rotateVaultRecoveryKey } from '../../electron/core/vault/keys/rotate-recovery-key';
import { newRecoveryKeyFile, withAdministratorByPassphrase } from '../administrator-by-passphrase';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand } from '../open-vault-for-command';
import { showAndConfirmRecoveryKey, writeRecoveryKeyFile } from '../recovery-key-handover';
import { signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const recoveryKeySummary = 'Replace the recovery key of the vault (administrators).';

export const recoveryKeyHelp = `Usage: kpdesk recovery-key rotate [--recovery-key-out <file>] [options]

Makes a new recovery key for the vault and retires the old one, which no longer opens
the vault. The data is not re-encrypted; backups made before keep opening with the old
key. Needs the current vault passphrase and an administrator's sign-in.

On a terminal the new key is shown once and you type it back (its last group is enough).
For scripts, --recovery-key-out writes it to a new file (mode 0600) and nowhere else; the
app then asks for it to be typed back before it opens the records.

Options:
  --recovery-key-out <file>   Write the new recovery key to this new file.
${signInHelp}
${unlockHelp.replace(/\n\s+--recovery-key-file[\s\S]*$/, '')}
  --json                      Print one JSON object: { rotated, confirmed, recoveryKeyFile }
                              (never the key itself).
  -h, --help                  Show this help.

Exit codes: 0 replaced, 2 usage error, wrong passphrase, not an administrator (nothing was
changed), or the new key not typed back (it is replaced; confirm it in the app).
`;

const NOT_CONFIRMED =
  'The new recovery key was not typed back correctly. It is in force (the old one no longer opens the vault), but the app keeps the records closed until it is typed back; if it is lost, run "kpdesk recovery-key rotate" again.';

export function runRecoveryKey(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = { ...signInOptions, 'recovery-key-out': { type: 'string' } } as const;
  const spec = { name: 'recovery-key', help: recoveryKeyHelp, options };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [action, ...extra] = positionals;
    if (action !== 'rotate' || extra.length > 0)
      throw usageFailure('Use "kpdesk recovery-key rotate".');
    if (values['recovery-key-file'] !== undefined)
      throw usageFailure('The recovery key cannot replace itself: give the vault passphrase.', {
        '--recovery-key-file': 'not accepted here',
      });
    const named = values['recovery-key-out'];
    const out = named === undefined ? undefined : newRecoveryKeyFile(named, io);
    if (out === undefined && io.terminal === undefined)
      throw usageFailure(
        'Without a terminal to show the new recovery key on, pass --recovery-key-out <file>.',
        { '--recovery-key-out': 'required without a terminal' },
      );

    return withAdministratorByPassphrase(
      values,
      io,
      'Only an administrator can replace the recovery key.',
      async ({ dir, services, actor, passphrase }) => {
        const recoveryKey = await rotateVaultRecoveryKey({
          dir,
          currentPassphrase: passphrase,
          record: (replace) => {
            services.issuance.recordRecoveryKeyRotated(actor, replace);
          },
        });
        let confirmed = false;
        if (out !== undefined) await writeRecoveryKeyFile(out, recoveryKey);
        else if (io.terminal !== undefined) {
          await showAndConfirmRecoveryKey(io.terminal, io.stderr, recoveryKey, NOT_CONFIRMED);
          services.issuance.recordRecoveryKeyConfirmed(actor.userId);
          confirmed = true;
        }
        const output = { rotated: true, confirmed, recoveryKeyFile: out ?? null };
        io.stdout(
          json
            ? `${JSON.stringify(output, null, 2)}\n`
            : `Recovery key replaced; the old one no longer opens the vault.\n${out === undefined ? 'The new key is confirmed.' : `The new key is in ${out}: move it offline, delete the file, and type it back in the app.`}\n`,
        );
        return exitCodes.ok;
      },
    );
  });
}
