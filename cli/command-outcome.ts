// How a vault command ends: an AppFailure from the core (wrong passphrase, conflict, invalid
// backup, ...) is refused input, exit 2, shown as its message, or in --json mode as
// { error: { code, message, fields } } on stdout so a script reads one stream. Anything else is
// a bug and goes up to kpdesk.ts, which asks for a bug report.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AppFailure } from '../electron/core/app-failure';
import type { AppError } from '../shared/errors';
import type { CliIo, ExitCode } from './cli-io';
import { exitCodes } from './cli-io';
import { describeArgsError } from './describe-args-error';

export function writeCommandError(
  io: CliIo,
  command: string,
  error: AppError,
  json: boolean,
): void {
  if (json) {
    io.stdout(`${JSON.stringify({ error }, null, 2)}\n`);
    return;
  }
  const hint = error.code === 'INVALID_INPUT' ? `\nRun "kpdesk ${command} --help" for usage.` : '';
  io.stderr(`kpdesk ${command}: ${error.message}${hint}\n`);
}

export async function runCommand(
  io: CliIo,
  command: string,
  json: boolean,
  body: () => Promise<ExitCode>,
): Promise<ExitCode> {
  try {
    return await body();
  } catch (error: unknown) {
    if (!(error instanceof AppFailure)) throw error;
    writeCommandError(io, command, error.error, json);
    return exitCodes.usage;
  }
}

/** parseArgs, with its TypeError turned into the INVALID_INPUT a usage error is. */
/** The two options every vault command takes (parseArgs config entries). */
export const jsonAndHelpOptions = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function parseCommandArgs<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs(config);
  } catch (error: unknown) {
    throw new AppFailure('INVALID_INPUT', describeArgsError(error));
  }
}

export function usageFailure(message: string, fields?: Record<string, string>): AppFailure {
  return new AppFailure('INVALID_INPUT', message, fields);
}
