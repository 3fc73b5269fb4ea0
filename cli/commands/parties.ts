// `kpdesk parties export|import`: the address book (exporters and consignees) out to a file and
// in from one, e.g. to move a carrier's customer list from its shipping system into KP Desk
// (electron/core/address-book-transfer). Every role may export; operators and administrators
// import, all or nothing, each new entry audited as in the app.
import { resolve } from 'node:path';
import {
  listAllParties,
  partiesCsv,
} from '../../electron/core/address-book-transfer/export-parties';
import { importParties } from '../../electron/core/address-book-transfer/import-parties';
import type { PartyInput } from '../../shared/records/party-inputs';
import { partyKinds } from '../../shared/records/party-inputs';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readBoundedFile } from '../read-bounded-file';
import {
  requireActingUser,
  signInFromOptions,
  signInHelp,
  signInOptions,
} from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import { writeNewFile } from '../write-new-file';

const MAX_PARTY_FILE_BYTES = 16 * 1024 * 1024;

export const partiesSummary = 'Export the address book to CSV or JSON, or import it from one.';

export const partiesHelp = `Usage:
  kpdesk parties export [--out <file.csv|file.json>] [--kind exporter|consignee] --user <username>
  kpdesk parties import <file.csv|file.json> --user <username> [options]

The address book: exporters and consignees, each with kind, name, address and country (ISO
3166-1 alpha-2). CSV files have the header line kind,name,address,country; JSON files an array
of { "kind", "name", "address", "country" } objects (docs/import-format.md).

export  Writes every entry (or those of one --kind) to --out, CSV or JSON by its extension (a new
        file, never overwritten), or prints JSON. Every role may export.
import  Adds the file's entries, all or nothing: one bad row refuses the file. An entry already
        in the address book (same kind, name and country) is skipped and reported. Operators and
        administrators may import.

Options:
  --out <file>                export: the new file to write (.csv or .json).
  --kind <kind>               export: only exporter or consignee entries.
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { parties } for export without --out,
                              { file, count } with it, { added, skipped } for import.
  -h, --help                  Show this help.

Exit codes: 0 done; 2 usage error or refused (a bad row, wrong passphrase or password, not
allowed for your role): nothing was changed.
`;

const partiesOptions = {
  ...signInOptions,
  out: { type: 'string' },
  kind: { type: 'string' },
} as const;

function readKind(text: string | undefined): PartyInput['kind'] | undefined {
  if (text === undefined) return undefined;
  const kind = partyKinds.find((known) => known === text.trim().toLowerCase());
  if (kind === undefined) {
    const message = `"${text}" is not a kind; use exporter or consignee.`;
    throw usageFailure(message, { '--kind': message });
  }
  return kind;
}

export function runParties(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'parties', help: partiesHelp, options: partiesOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [action, file, ...rest] = positionals;
    if (action !== 'export' && action !== 'import')
      throw usageFailure('Say what to do: kpdesk parties export, or kpdesk parties import <file>.');
    if (rest.length > 0 || (action === 'export' && file !== undefined))
      throw usageFailure(`Too many arguments for "kpdesk parties ${action}".`);
    if (action === 'import' && file === undefined)
      throw usageFailure('Name the file to import, e.g. kpdesk parties import customers.csv.');
    const kind = readKind(values.kind);
    const out = values.out;
    if (out !== undefined && !/\.(csv|json)$/i.test(out))
      throw usageFailure('--out names a .csv or a .json file.', { '--out': 'extension' });
    requireActingUser(values, io);
    const bytes =
      file === undefined
        ? undefined
        : readBoundedFile(resolve(io.cwd, file), file, MAX_PARTY_FILE_BYTES);
    if (bytes !== undefined && bytes.length > MAX_PARTY_FILE_BYTES)
      throw usageFailure(`${file ?? ''} is larger than 16 MiB.`);

    const output = await withVaultForCommand(values, io, async ({ services, db }) => {
      const actor = await signInFromOptions(services, values, io);
      if (action === 'import')
        return importParties(db, services, actor, {
          bytes: bytes ?? Buffer.alloc(0),
          name: file ?? '',
        });
      const parties = listAllParties(db, kind);
      if (out === undefined) return { parties };
      await writeNewFile(
        resolve(io.cwd, out),
        '--out',
        out.toLowerCase().endsWith('.csv')
          ? partiesCsv(parties)
          : `${JSON.stringify(parties, null, 2)}\n`,
      );
      return { file: resolve(io.cwd, out), count: parties.length };
    });
    if (json || 'parties' in output) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else if ('count' in output)
      io.stdout(`Wrote ${String(output.count)} address-book entries to ${output.file}\n`);
    else
      io.stdout(
        `Added ${String(output.added.length)} entries; skipped ${String(output.skipped.length)} already there.\n${output.skipped
          .map((entry) => `  row ${String(entry.row)} (${entry.name}): ${entry.reason}\n`)
          .join('')}`,
      );
    return exitCodes.ok;
  });
}
