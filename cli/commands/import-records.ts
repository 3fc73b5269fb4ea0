// `kpdesk import-records <file.csv|file.json>`: certificates issued before KP Desk (on paper or
// through USKPA's database) brought into the vault as historical records (issue 15), through
// electron/core/record-import. Administrators only. Progress goes to stderr, one JSON line per
// row to the result file, the summary to stdout.
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ImportOutcome } from '../../electron/core/record-import/import-outcome';
import { importRecords } from '../../electron/core/record-import/import-records';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readBoundedFile } from '../read-bounded-file';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

/** 256 MiB: some 500,000 records of USKPA's export; a larger history is split by year. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export const importRecordsSummary =
  'Import certificates issued elsewhere (USKPA export or bulk file) as historical records.';

export const importRecordsHelp = `Usage:
  kpdesk import-records <file.csv|file.json> --user <administrator> [options]

Brings certificates issued before KP Desk, on paper or through USKPA's database, into the vault
as historical records (format: docs/import-format.md, "Importing records"): a CSV in the layout
of USKPA's certificate export, or KP Desk's bulk layout (CSV or JSON) with each certificate's
state and original ship, delivery and void dates. Each record keeps its original dates, state
and values, is marked as imported (file and row) and audited, and is NOT signed by KP Desk (no
PDF is made; the review names it "imported record, not signed by KP Desk"). Its number goes into
the stock book as used, so it can never be issued again. They count in statistics and reviews.

A number already in the vault is refused, naming it: a certificate made here, one imported from
another file, or a form of the stock book. A row imported before from a file of the same name is
reported (already-imported), never imported twice: after an interruption, run the same command
again.

Administrators only.

Row by row (default): a refused row stores nothing and the other rows go on.
--all-or-nothing: if any row is refused, nothing is imported.

Options:
  --result <file>             The result file, one JSON line per row (default
                              <file name>.result.jsonl in the current folder; replaced).
  --all-or-nothing            Refuse the whole file when any row is refused.
${signInHelp}
${unlockHelp}
  --json                      Print the summary as one JSON object: { file, resultFile, layout,
                              rows, imported, alreadyImported, refused, skipped, notImported }.
  -h, --help                  Show this help.

Exit codes: 0 every row imported now or before (or skipped: a blank form of USKPA's export);
1 at least one row refused (see the result file; with --all-or-nothing nothing was imported);
2 usage error, unreadable file, unknown column, wrong passphrase or password, an account that is
not an administrator: nothing was imported.
`;

const importOptions = {
  ...signInOptions,
  result: { type: 'string' },
  'all-or-nothing': { type: 'boolean', default: false },
} as const;

function describeOutcome(outcome: ImportOutcome): string {
  switch (outcome.outcome) {
    case 'imported':
      return `imported ${outcome.number} (${outcome.state.toLowerCase()})${outcome.warnings.length > 0 ? `, ${String(outcome.warnings.length)} warning(s)` : ''}`;
    case 'already-imported':
      return `already imported as ${outcome.number} from ${outcome.importedFrom.file} row ${String(outcome.importedFrom.row)}`;
    case 'refused':
      return `refused: ${outcome.field === null ? '' : `${outcome.field}: `}${outcome.rule}`;
    case 'skipped':
      return `skipped: ${outcome.reason}`;
    case 'not-imported':
      return 'not imported (the file was refused)';
  }
}

const PROGRESS_EVERY = 1000;

export function runImportRecords(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'import-records', help: importRecordsHelp, options: importOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw usageFailure('Name one file, e.g. kpdesk import-records uskpa-export.csv.');
    if (values.user === undefined && io.terminal === undefined)
      throw usageFailure('Name the administrator who imports with --user <username>.', {
        '--user': 'required',
      });
    const path = resolve(io.cwd, file);
    const bytes = readBoundedFile(path, file, MAX_IMPORT_BYTES);
    if (bytes.length > MAX_IMPORT_BYTES)
      throw usageFailure(`${file} is larger than 256 MiB; split it into several files.`);
    const resultFile = resolve(io.cwd, values.result ?? `${basename(file)}.result.jsonl`);
    if (resultFile === path)
      throw usageFailure('The result file cannot be the imported file itself.', {
        '--result': 'same file',
      });
    let layout = '';
    const summary = await withVaultForCommand(values, io, async ({ services, db }) => {
      const actor = await signInFromOptions(services, values, io);
      let descriptor: number | undefined;
      let total = 0;
      // The result lines of a chunk go out in one write when its progress is reported (a chunk
      // commits 1,000 rows at once; a write per line was 100,000 system calls per import).
      let pending = '';
      const flush = (): void => {
        if (pending === '') return;
        // Opened at the first outcome: a file refused as a whole leaves the old one alone.
        descriptor ??= openSync(resultFile, 'w');
        writeSync(descriptor, pending);
        pending = '';
      };
      try {
        return importRecords({
          db,
          services,
          actor,
          now: io.now ?? (() => new Date()),
          file: { bytes, name: basename(file) },
          allOrNothing: values['all-or-nothing'],
          onRows: (rows, read) => {
            total = rows;
            layout = read;
          },
          onOutcome: (outcome) => {
            pending += `${JSON.stringify(outcome)}\n`;
            // Every row that is not simply imported is named; imported rows are counted.
            if (outcome.outcome !== 'imported')
              io.stderr(
                `import-records: row ${String(outcome.row)} of ${String(total)}: ${describeOutcome(outcome)}\n`,
              );
          },
          onProgress: (done, rows) => {
            if (done % PROGRESS_EVERY !== 0 && done !== rows) return;
            flush();
            io.stderr(`import-records: ${String(done)}/${String(rows)} rows\n`);
          },
        });
      } finally {
        flush();
        if (descriptor !== undefined) closeSync(descriptor);
      }
    });
    const output = { file: path, resultFile, layout, ...summary };
    io.stdout(
      json
        ? `${JSON.stringify(output, null, 2)}\n`
        : `${String(summary.rows)} rows (${layout}): ${String(summary.imported)} imported, ${String(summary.alreadyImported)} imported before, ${String(summary.refused)} refused${summary.skipped > 0 ? `, ${String(summary.skipped)} skipped` : ''}${summary.notImported > 0 ? `, ${String(summary.notImported)} not imported (the file was refused)` : ''}.\nResults: ${resultFile}\n`,
    );
    return summary.refused > 0 ? exitCodes.findingErrors : exitCodes.ok;
  });
}
