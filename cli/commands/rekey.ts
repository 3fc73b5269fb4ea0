// `kpdesk rekey`: re-encrypts the vault under a new random key and issues a new recovery key
// (electron/core/vault/keys/rekey-vault.ts), so that an old recovery key with an old key file (one
// is inside every backup) no longer opens today's vault. For when a workstation or a person
// leaves, or after a recovery key may have been seen. Old backups keep the old key.
import { rekeyVault } from '../../electron/core/vault/keys/rekey-vault';
import { newRecoveryKeyFile, withAdministratorByPassphrase } from '../administrator-by-passphrase';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand } from '../open-vault-for-command';
import { writeRecoveryKeyFile } from '../recovery-key-handover';
import { signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const rekeySummary = 'Re-encrypt the vault under a new key (administrators).';

export const rekeyHelp = `Usage: kpdesk rekey --recovery-key-out <file> [options]

Re-encrypts the vault under a new random key (SQLCipher rekey) and makes a new recovery
key: the old recovery key and old copies of the key file open nothing any more. The
passphrase stays the same. BACKUPS MADE BEFORE KEEP THE OLD KEY: they still open with the
passphrase and recovery key they were made with; make a new backup afterwards, and keep or
destroy the old ones knowingly. The keychain of this computer forgets the key (remember
it again in the app). Needs the vault passphrase and an administrator's sign-in; the vault
must be closed everywhere else.

Options:
  --recovery-key-out <file>   Write the new recovery key to this new file (mode 0600); the
                              app asks for it to be typed back before it opens the records.
${signInHelp}
${unlockHelp.replace(/\n\s+--recovery-key-file[\s\S]*$/, '')}
  --json                      Print one JSON object: { rekeyed, recoveryKeyFile }.
  -h, --help                  Show this help.

Exit codes: 0 re-keyed, 2 usage error, wrong passphrase, not an administrator, or the vault
is open elsewhere (nothing was changed).
`;

export function runRekey(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = { ...signInOptions, 'recovery-key-out': { type: 'string' } } as const;
  const spec = { name: 'rekey', help: rekeyHelp, options };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    if (positionals.length > 0) throw usageFailure('"kpdesk rekey" takes no arguments.');
    if (values['recovery-key-file'] !== undefined)
      throw usageFailure('Re-keying needs the vault passphrase, not the recovery key.', {
        '--recovery-key-file': 'not accepted here',
      });
    const named = values['recovery-key-out'];
    if (named === undefined)
      throw usageFailure('Name a new file for the new recovery key: --recovery-key-out <file>.', {
        '--recovery-key-out': 'required',
      });
    const out = newRecoveryKeyFile(named, io);
    return withAdministratorByPassphrase(
      values,
      io,
      'Only an administrator can re-key the vault.',
      async ({ dir, db, services, actor, passphrase }) => {
        const { recoveryKey } = await rekeyVault({
          dir,
          db,
          currentPassphrase: passphrase,
          record: (install) => {
            services.issuance.recordVaultRekeyed(actor, install);
          },
          onProgress: ({ phase, done, total }) => {
            if (io.stderrIsTty) io.stderr(`\rrekey: ${phase} ${String(done)}/${String(total)}`);
          },
        });
        if (io.stderrIsTty) io.stderr('\n');
        await writeRecoveryKeyFile(out, recoveryKey);
        io.stdout(
          json
            ? `${JSON.stringify({ rekeyed: true, recoveryKeyFile: out }, null, 2)}\n`
            : `The vault is re-encrypted under a new key; the old recovery key and old key files open nothing any more.\nThe new recovery key is in ${out}: move it offline, delete the file, and type it back in the app.\nBackups made before keep the old key: make a new backup now.\n`,
        );
        return exitCodes.ok;
      },
    );
  });
}
