// What `kpdesk void`, `ship` and `deliver` share: one certificate named by its number, a signed-in
// user, one lifecycle step through the issuance service (which checks the user's role and the
// step, and commits the row, its audit event and any outbox rows in one transaction, exactly as
// the app's Records screen does), and the outcome printed as a line or as --json.
import type { ParseArgsOptionsConfig } from 'node:util';
import { AppFailure } from '../electron/core/app-failure';
import type { Actor } from '../electron/core/issuance/actor';
import type { CertificateRecord } from '../electron/core/vault/repositories/certificate-row';
import type { VaultServices } from '../electron/core/vault/vault-services';
import { certificateNumberArgument } from './certificate-argument';
import type { CliIo, ExitCode } from './cli-io';
import { exitCodes } from './cli-io';
import { runVaultCommand, withVaultForCommand } from './open-vault-for-command';
import type { SignInValues } from './sign-in-from-options';
import { requireActingUser, signInFromOptions, signInOptions } from './sign-in-from-options';
import type { UnlockValues } from './unlock-from-options';

/** The own options of void, ship and deliver, as parseArgs returns them. */
export type LifecycleValues = SignInValues &
  UnlockValues & {
    reason?: string | undefined;
    notes?: string | undefined;
    date?: string | undefined;
    'import-confirmed'?: boolean | undefined;
  };

/** What a lifecycle command prints with --json: the record's lifecycle facts, never the draft. */
export type LifecycleOutput = {
  certificateId: number | null;
  number: string;
  state: string;
  shipDate: string | null;
  deliveredAt: string | null;
  importConfirmed: boolean;
  voidReason: string | null;
  voidNotes: string | null;
  voidedAt: string | null;
};

export function lifecycleOutput(record: CertificateRecord): LifecycleOutput {
  return {
    certificateId: record.id,
    number: record.number,
    state: record.state,
    shipDate: record.shipDate,
    deliveredAt: record.deliveredAt,
    importConfirmed: record.importConfirmed,
    voidReason: record.voidReason,
    voidNotes: record.voidNotes,
    voidedAt: record.voidedAt,
  };
}

export type LifecycleStep = {
  name: string;
  help: string;
  options: ParseArgsOptionsConfig;
  /** Checks the command's own options before the vault is opened (usage errors change nothing). */
  check: (values: LifecycleValues) => void;
  /** The step: `record` is null when the number carries no certificate (only void allows that). */
  run: (context: {
    services: VaultServices;
    actor: Actor;
    number: string;
    record: CertificateRecord | null;
    values: LifecycleValues;
  }) => LifecycleOutput;
  /** The sentence printed without --json. */
  describe: (output: LifecycleOutput) => string;
};

export function mustHaveCertificate(
  number: string,
  record: CertificateRecord | null,
): CertificateRecord {
  if (record === null)
    throw new AppFailure('NOT_FOUND', `There is no certificate ${number} in this vault.`, {
      number: 'No such certificate.',
    });
  return record;
}

export function runLifecycleCommand(
  args: readonly string[],
  io: CliIo,
  step: LifecycleStep,
): Promise<ExitCode> {
  const options = { ...signInOptions, ...step.options };
  const spec = { name: step.name, help: step.help, options };
  return runVaultCommand(args, io, spec, async (parsed) => {
    const number = certificateNumberArgument(step.name, parsed.positionals);
    // parseArgs checked each option's type against step.options, which declares these names.
    const values = parsed.values as LifecycleValues;
    step.check(values);
    requireActingUser(values, io);
    const output = await withVaultForCommand(values, io, async ({ services }) => {
      const actor = await signInFromOptions(services, values, io);
      const record = services.certificates.getByNumber(number);
      return step.run({ services, actor, number, record, values });
    });
    io.stdout(parsed.json ? `${JSON.stringify(output, null, 2)}\n` : `${step.describe(output)}\n`);
    return exitCodes.ok;
  });
}
