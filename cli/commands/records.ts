// `kpdesk records [--state S] [--search TEXT] [--limit N]`: the vault's certificate records,
// newest date of issue first, for a clerk's or a reviewer's scripts. --search matches any part of
// the exporter's or consignee's name, the number or the ITN (electron/core/records-search). As in
// the app, only a signed-in user sees records; every role may.
import { createCertificateSearch } from '../../electron/core/records-search/search-certificates';
import {
  MAX_SEARCH_RESULTS,
  recordStates,
} from '../../electron/core/records-search/search-certificates';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { formatRecords } from '../format-records';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const recordsSummary = 'List certificate records, by state and by any part of a name.';

export const recordsHelp = `Usage:
  kpdesk records [--state <state>] [--search <text>] [--limit <n>] --user <username> [options]

Lists the vault's certificates, newest date of issue first (drafts without a date last): number,
state, date of issue, exporter, consignee, destination and ITN. Every role may list.

Options:
  --state <state>             Only this state: ${recordStates.join(', ')}.
  --search <text>             Only records whose exporter or consignee name, number or ITN
                              contains this text (letter case ignored for A-Z).
  --limit <n>                 At most this many records (default 100, at most ${MAX_SEARCH_RESULTS}).
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { records: [ { id, number, state,
                              exporterName, consigneeName, destinationCountry, hsCode, itn,
                              dateOfIssue, caratHundredths, valueCents, version } ], more }.
  -h, --help                  Show this help.

Exit codes: 0 listed (also when nothing matches); 2 usage error, wrong passphrase or password.
`;

const recordsOptions = {
  ...signInOptions,
  state: { type: 'string' },
  search: { type: 'string' },
  limit: { type: 'string' },
} as const;

function readLimit(text: string | undefined): number {
  if (text === undefined) return 100;
  const limit = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_SEARCH_RESULTS)) {
    const message = `--limit takes a whole number from 1 to ${MAX_SEARCH_RESULTS}.`;
    throw usageFailure(message, { '--limit': message });
  }
  return limit;
}

function readState(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const state = text.trim().toUpperCase();
  if (!(recordStates as readonly string[]).includes(state)) {
    const message = `"${text}" is not a state; use one of ${recordStates.join(', ')}.`;
    throw usageFailure(message, { '--state': message });
  }
  return state;
}

export function runRecords(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'records', help: recordsHelp, options: recordsOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    if (positionals.length > 0)
      throw usageFailure(
        `"kpdesk records" takes no file or number; use --search "${positionals.join(' ')}".`,
      );
    const limit = readLimit(values.limit);
    const state = readState(values.state);
    if (values.search?.trim() === '')
      throw usageFailure('--search needs some text to look for.', { '--search': 'empty' });
    if (values.user === undefined && io.terminal === undefined)
      throw usageFailure('Name the user who reads the records with --user <username>.', {
        '--user': 'required',
      });
    const result = await withVaultForCommand(values, io, async ({ services, db }) => {
      await signInFromOptions(services, values, io);
      return createCertificateSearch(db)({
        limit,
        ...(state === undefined ? {} : { state }),
        ...(values.search === undefined ? {} : { text: values.search }),
      });
    });
    io.stdout(
      json
        ? `${JSON.stringify({ records: result.items, more: result.more }, null, 2)}\n`
        : formatRecords(result.items, result.more, io.columns),
    );
    return exitCodes.ok;
  });
}
