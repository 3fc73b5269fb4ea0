// The options of `kpdesk init`, checked before anything is created: the vault folder must be
// free, the recovery key must have somewhere to go, and the administrator and licensee entries
// must pass the same schemas the vault applies, so a mistake never leaves half a vault behind.
import { existsSync, lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppFailure } from '../../electron/core/app-failure';
import { vaultLocation } from '../../electron/core/vault/keys/vault-location';
import { parseInput } from '../../electron/core/vault/repositories/parse-input';
import type { LicenseeProfile } from '../../shared/records/licensee-profile';
import { LicenseeProfileSchema } from '../../shared/records/licensee-profile';
import type { CliIo } from '../cli-io';
import { parseCommandArgs, usageFailure } from '../command-outcome';
import { resolveVaultDir } from '../vault-dir';

export const initArgsConfig = {
  options: {
    dir: { type: 'string' },
    'passphrase-file': { type: 'string' },
    'admin-user': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-password-file': { type: 'string' },
    'licensee-name': { type: 'string' },
    'licensee-address': { type: 'string' },
    tin: { type: 'string' },
    'common-carrier': { type: 'boolean', default: false },
    'recovery-key-out': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
  strict: true,
} as const;

export type InitPlan = {
  dir: string;
  /** Absolute path for the recovery key (script mode); undefined: show it on the terminal. */
  recoveryKeyOut: string | undefined;
  adminUser: string | undefined;
  adminName: string | undefined;
  adminPasswordFile: string | undefined;
  passphraseFile: string | undefined;
  licensee: LicenseeProfile | undefined;
  json: boolean;
};

function licenseeOf(values: {
  'licensee-name'?: string | undefined;
  'licensee-address'?: string | undefined;
  tin?: string | undefined;
  'common-carrier': boolean;
}): LicenseeProfile | undefined {
  const given = {
    '--licensee-name': values['licensee-name'],
    '--licensee-address': values['licensee-address'],
    '--tin': values.tin,
  };
  const missing = Object.entries(given).filter(([, value]) => value === undefined);
  if (missing.length === 3 && !values['common-carrier']) return undefined;
  if (missing.length > 0)
    throw usageFailure(
      `The licensee profile needs --licensee-name, --licensee-address and --tin together; missing: ${missing.map(([name]) => name).join(', ')}.`,
      Object.fromEntries(
        missing.map(([name]) => [name, 'required with the other licensee options']),
      ),
    );
  return parseInput(LicenseeProfileSchema, {
    legalName: values['licensee-name'],
    address: values['licensee-address'],
    tin: values.tin,
    isCommonCarrier: values['common-carrier'],
  });
}

export function readInitOptions(
  args: readonly string[],
  io: CliIo,
): { kind: 'help' } | ({ kind: 'run' } & InitPlan) {
  const { values } = parseCommandArgs({ args: [...args], ...initArgsConfig });
  if (values.help) return { kind: 'help' };
  const dir = resolveVaultDir(values.dir, io.env, io.cwd);
  const { vaultPath, keyFilePath } = vaultLocation(dir);
  if ([vaultPath, keyFilePath].some((path) => lstatSync(path, { throwIfNoEntry: false })))
    throw new AppFailure('VAULT_EXISTS', `A vault already exists in ${dir}; it was not changed.`);
  const out = values['recovery-key-out'];
  const recoveryKeyOut = out === undefined ? undefined : resolve(io.cwd, out);
  if (recoveryKeyOut !== undefined && existsSync(recoveryKeyOut))
    throw new AppFailure(
      'CONFLICT',
      `${out ?? ''} already exists; the recovery key is never written over a file. Nothing was created.`,
      { '--recovery-key-out': 'already exists' },
    );
  if (recoveryKeyOut === undefined && io.terminal === undefined)
    throw usageFailure(
      'Without a terminal to show the recovery key on, pass --recovery-key-out <file>: the key is shown only once.',
      { '--recovery-key-out': 'required without a terminal' },
    );
  if (values['admin-user'] === undefined && io.terminal === undefined)
    throw usageFailure('Name the first administrator with --admin-user <username>.', {
      '--admin-user': 'required',
    });
  return {
    kind: 'run',
    dir,
    recoveryKeyOut,
    adminUser: values['admin-user'],
    adminName: values['admin-name'],
    adminPasswordFile: values['admin-password-file'],
    passphraseFile: values['passphrase-file'],
    licensee: licenseeOf(values),
    json: values.json,
  };
}
