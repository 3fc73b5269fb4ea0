// `kpdesk issue-batch <file.csv|file.json>`: a carrier's shipping system issues many certificates
// at once (issue 15), through electron/core/bulk-issue on the same services as `kpdesk issue`.
// Progress goes to stderr, one JSON line per row to the result file, the summary to stdout.
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BatchOutcome } from '../../electron/core/bulk-issue/batch-outcome';
import type { BatchProgress } from '../../electron/core/bulk-issue/issue-batch';
import { issueBatch } from '../../electron/core/bulk-issue/issue-batch';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readBoundedFile } from '../read-bounded-file';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import {
  openSigningForCommand,
  signingSecretHelp,
  signingSecretOptions,
} from '../open-signing-for-command';

/** Bundled beside the CLI's folder by scripts/build-node.mjs (dist/cli, dist/electron): the
 * signing threads of a bulk issue (electron/core/bulk-issue/sign-pool.ts). */
const SIGN_THREAD = fileURLToPath(new URL('../electron/batch-sign-worker.mjs', import.meta.url));

/** 64 MiB: some 100,000 rows; a larger batch is split by the shipping system. */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;

export const issueBatchSummary = 'Issue many certificates from a CSV or JSON file, resumably.';

export const issueBatchHelp = `Usage:
  kpdesk issue-batch <file.csv|file.json> --attest --user <username> [options]

Issues one certificate per row of the file (format: docs/import-format.md), each checked
against every rule, signed and sealed, kept in the vault and written to <number>.pdf. Each row
carries your reference (an order or shipment id): a reference issued before, by this file or
another, is reported with its certificate and never issued again, so after a crash or an
interruption simply run the same command again.

Row by row (default): a refused row stores nothing and the other rows go on.
--all-or-nothing: every row is checked and signed first; if any row is refused, nothing is
issued; otherwise all rows are stored in one transaction.

Options:
  --attest                    Required: you attest that each shipment's application carries the
                              warranty that the diamonds are conflict-free (USKPA).
  --out-dir <folder>          Where the signed PDFs go (default: the current folder). An
                              existing file is never overwritten (that row is refused).
  --result <file>             The result file, one JSON line per row (default
                              <file name>.result.jsonl in the current folder; replaced).
  --all-or-nothing            Refuse the whole batch when any row is refused.
  --commit-every <n>          Row by row: commit every n rows (default 50, 1 to 1000), or
                              after a second of checking. Fewer rows per commit lose less
                              signing work on a crash (never a certificate); more are faster.
${signInHelp}
${signingSecretHelp}
${unlockHelp}
  --json                      Print the summary as one JSON object: { file, resultFile, outDir,
                              rows, issued, alreadyIssued, refused, notIssued }.
  -h, --help                  Show this help.

Exit codes: 0 every row issued now or before; 1 at least one row refused (see the result file;
with --all-or-nothing nothing was issued); 2 usage error, unreadable file, wrong passphrase or
password, a reviewer's account, no signing identity or licensee profile: nothing was issued.
`;

const batchOptions = {
  ...signInOptions,
  ...signingSecretOptions,
  attest: { type: 'boolean', default: false },
  'out-dir': { type: 'string' },
  result: { type: 'string' },
  'all-or-nothing': { type: 'boolean', default: false },
  'commit-every': { type: 'string' },
} as const;

function readCommitEvery(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= 1 && value <= 1000)) {
    const message = '--commit-every takes a whole number of rows from 1 to 1000.';
    throw usageFailure(message, { '--commit-every': message });
  }
  return value;
}

function describeOutcome(outcome: BatchOutcome): string {
  switch (outcome.outcome) {
    case 'issued':
      return `issued ${outcome.number}`;
    case 'already-issued':
      return `already issued as ${outcome.number} (${outcome.state.toLowerCase()})`;
    case 'refused':
      return `refused: ${outcome.field === null ? '' : `${outcome.field}: `}${outcome.rule}`;
    case 'not-issued':
      return 'not issued (the batch was refused)';
  }
}

const phaseWords: Record<BatchProgress['phase'], string> = {
  issue: 'rows',
  check: 'rows checked',
  sign: 'signed',
  store: 'stored',
};

export function runIssueBatch(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'issue-batch', help: issueBatchHelp, options: batchOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw usageFailure('Name one batch file, e.g. kpdesk issue-batch shipments.csv.');
    if (!values.attest)
      throw usageFailure(
        'Add --attest to confirm that each application carries the conflict-free warranty (USKPA).',
        { '--attest': 'required' },
      );
    if (values.user === undefined && io.terminal === undefined)
      throw usageFailure('Name the user who issues with --user <username>.', {
        '--user': 'required',
      });
    const commitEvery = readCommitEvery(values['commit-every']);
    const path = resolve(io.cwd, file);
    const bytes = readBoundedFile(path, file, MAX_BATCH_BYTES);
    if (bytes.length > MAX_BATCH_BYTES)
      throw usageFailure(`${file} is larger than 64 MiB; split the batch into several files.`);
    const outDir = resolve(io.cwd, values['out-dir'] ?? '.');
    const resultFile = resolve(io.cwd, values.result ?? `${basename(file)}.result.jsonl`);
    if (resultFile === path)
      throw usageFailure('The result file cannot be the batch file itself.', {
        '--result': 'same file',
      });

    const summary = await withVaultForCommand(values, io, async ({ services, db }) => {
      const actor = await signInFromOptions(services, values, io);
      const documents = documentOperationsFor(db, {
        now: () => new Date(),
        resourcesDir: undefined,
        settings: () => services.settings.validation(),
      });
      // The signing keys open with the administrator's secret or on an opened computer.
      await openSigningForCommand(documents.signingKeys, actor, values, io);
      let descriptor: number | undefined;
      let total = 0;
      try {
        return await issueBatch({
          db,
          services,
          documents,
          actor,
          now: () => new Date(),
          file: { bytes, name: basename(file) },
          outDir,
          allOrNothing: values['all-or-nothing'],
          signThreadFile: SIGN_THREAD,
          ...(commitEvery === undefined ? {} : { commitEvery }),
          onOutcome: (outcome) => {
            // Opened at the first outcome: a batch refused as a whole leaves the old file alone.
            descriptor ??= openSync(resultFile, 'w');
            writeSync(descriptor, `${JSON.stringify(outcome)}\n`);
            io.stderr(
              `issue-batch: row ${String(outcome.row)} of ${String(total)}: ${describeOutcome(outcome)}\n`,
            );
          },
          onRows: (rows) => {
            total = rows;
          },
          // Row by row, each row's line above is its progress; the phases of --all-or-nothing
          // report every 100 rows and at their end.
          onProgress: ({ phase, done, total: phaseTotal }) => {
            if (phase !== 'issue' && (done % 100 === 0 || done === phaseTotal))
              io.stderr(
                `issue-batch: ${String(done)}/${String(phaseTotal)} ${phaseWords[phase]}\n`,
              );
          },
        });
      } finally {
        if (descriptor !== undefined) closeSync(descriptor);
      }
    });
    const output = { file: path, resultFile, outDir, ...summary };
    io.stdout(
      json
        ? `${JSON.stringify(output, null, 2)}\n`
        : `${String(summary.rows)} rows: ${String(summary.issued)} issued, ${String(summary.alreadyIssued)} issued before, ${String(summary.refused)} refused${summary.notIssued > 0 ? `, ${String(summary.notIssued)} not issued (the batch was refused)` : ''}.\nResults: ${resultFile}\n`,
    );
    return summary.refused > 0 ? exitCodes.findingErrors : exitCodes.ok;
  });
}
