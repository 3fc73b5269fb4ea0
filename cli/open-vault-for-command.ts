// The start every vault command shares: its options parsed (the vault's unlock options, its own,
// --json and --help), its help printed when asked, any AppFailure turned into exit 2 with its
// message (command-outcome.ts), and the vault opened with its services and always closed again.
// A command keeps only what is its own: its arguments' meaning and its output.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParseArgsOptionsConfig } from 'node:util';
import { createVaultServices } from '../electron/core/vault/vault-services';
import type { VaultServices } from '../electron/core/vault/vault-services';
import type { CliIo, ExitCode } from './cli-io';
import { exitCodes } from './cli-io';
import { jsonAndHelpOptions, parseCommandArgs, runCommand } from './command-outcome';
import type { UnlockValues } from './unlock-from-options';
import { unlockOptions, withUnlockedVault } from './unlock-from-options';

export type VaultCommandSpec<O extends ParseArgsOptionsConfig> = {
  /** As in "kpdesk <name> --help" and in error messages. */
  name: string;
  help: string;
  /** The command's own options, besides the unlock options, --json and --help. */
  options: O;
};

function parseVaultCommandArgs<O extends ParseArgsOptionsConfig>(args: readonly string[], own: O) {
  return parseCommandArgs({
    args: [...args],
    options: { ...unlockOptions, ...own, ...jsonAndHelpOptions },
    allowPositionals: true,
    strict: true,
  });
}

export type VaultCommandArgs<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseVaultCommandArgs<O>
> & { json: boolean };

export function runVaultCommand<const O extends ParseArgsOptionsConfig>(
  args: readonly string[],
  io: CliIo,
  spec: VaultCommandSpec<O>,
  body: (parsed: VaultCommandArgs<O>) => Promise<ExitCode>,
): Promise<ExitCode> {
  // Known before parsing, so that even a usage error is answered in JSON when asked for.
  const json = args.includes('--json');
  return runCommand(io, spec.name, json, async () => {
    const parsed = parseVaultCommandArgs(args, spec.options);
    if ((parsed.values as { help?: boolean }).help === true) {
      io.stdout(spec.help);
      return exitCodes.ok;
    }
    return body({ ...parsed, json });
  });
}

/** Bundled beside the CLI's folder by scripts/build-node.mjs (dist/cli, dist/electron). */
const AUDIT_WORKER = fileURLToPath(new URL('../electron/audit-verify-worker.mjs', import.meta.url));

/** `key`: the vault key, zeroed when the command ends (the backup manifest's MAC needs it). */
export type OpenVault = { services: VaultServices; db: Database; dir: string; key: Buffer };

/** Runs `use` on the vault opened with the command's unlock options, and always closes it. */
export function withVaultForCommand<R>(
  values: UnlockValues,
  io: CliIo,
  use: (vault: OpenVault) => Promise<R> | R,
): Promise<R> {
  return withUnlockedVault(values, io, (db, dir, key) => {
    // `kpdesk audit verify` on a large vault uses both cores, as the app does.
    const auditHelper = existsSync(AUDIT_WORKER) ? { workerFile: AUDIT_WORKER, key } : undefined;
    const services = createVaultServices(db, auditHelper === undefined ? {} : { auditHelper });
    return use({ services, db, dir, key });
  });
}
