// `kpdesk`: KP Desk on the command line, for carriers' batch work, USKPA reviewers and scripted
// vault upkeep (first run, stock, audit, backup). It runs the same shared/domain rules and the
// same vault services as the app. Bundled to dist/cli/kpdesk.mjs by
// scripts/build-node.mjs; bin/kpdesk.mjs imports the bundle and calls main(). runKpdesk() takes
// its outside world as a parameter, so tests run it in-process with captured output.
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { participantsAsOf } from '../shared/reference/reference-data';
import type { CliIo, ExitCode } from './cli-io';
import { exitCodes } from './cli-io';
import { auditHelp, auditSummary, runAudit } from './commands/audit-verify';
import { backupHelp, backupSummary, runBackup } from './commands/backup';
import { initHelp, initSummary, runInit } from './commands/init';
import { recoveryKeyHelp, recoveryKeySummary, runRecoveryKey } from './commands/recovery-key';
import { rekeyHelp, rekeySummary, runRekey } from './commands/rekey';
import { restoreHelp, restoreSummary, runRestore } from './commands/restore';
import { runStock, stockHelp, stockSummary } from './commands/stock';
import { runStats, statsHelp, statsSummary } from './commands/stats';
import { reviewHelp, reviewSummary, runReviewCommand } from './commands/review';
import {
  exportAuditPackageHelp,
  exportAuditPackageSummary,
  runExportAuditPackage,
} from './commands/export-audit-package';
import { runValidate, validateHelp, validateSummary } from './commands/validate';
import { issueHelp, issueSummary, runIssue } from './commands/issue';
import { runTrust, trustHelp, trustSummary } from './commands/trust';
import { runVerify, verifyHelp, verifySummary } from './commands/verify';
import { runSettings, settingsHelp, settingsSummary } from './commands/settings';
import { runSubmissions, submissionsHelp, submissionsSummary } from './commands/submissions';
import { runSubmit, submitHelp, submitSummary } from './commands/submit';
import { identityHelp, identitySummary, runIdentity } from './commands/identity';
import { runVoid, voidHelp, voidSummary } from './commands/void';
import { runShip, shipHelp, shipSummary } from './commands/ship';
import { deliverHelp, deliverSummary, runDeliver } from './commands/deliver';
import { recordsHelp, recordsSummary, runRecords } from './commands/records';
import { incomingHelp, incomingSummary, runIncoming } from './commands/incoming';
import { runTemplates, templatesHelp, templatesSummary } from './commands/templates';
import { issueBatchHelp, issueBatchSummary, runIssueBatch } from './commands/issue-batch';
import { partiesHelp, partiesSummary, runParties } from './commands/parties';
import {
  importRecordsHelp,
  importRecordsSummary,
  runImportRecords,
} from './commands/import-records';
import { describeArgsError } from './describe-args-error';
import { processTerminal } from './terminal';

type Command = {
  summary: string;
  help: string;
  run: (args: readonly string[], io: CliIo) => Promise<ExitCode>;
};

const commands: Readonly<Record<string, Command>> = {
  validate: { summary: validateSummary, help: validateHelp, run: runValidate },
  init: { summary: initSummary, help: initHelp, run: runInit },
  stock: { summary: stockSummary, help: stockHelp, run: runStock },
  audit: { summary: auditSummary, help: auditHelp, run: runAudit },
  backup: { summary: backupSummary, help: backupHelp, run: runBackup },
  restore: { summary: restoreSummary, help: restoreHelp, run: runRestore },
  'recovery-key': { summary: recoveryKeySummary, help: recoveryKeyHelp, run: runRecoveryKey },
  rekey: { summary: rekeySummary, help: rekeyHelp, run: runRekey },
  issue: { summary: issueSummary, help: issueHelp, run: runIssue },
  verify: { summary: verifySummary, help: verifyHelp, run: runVerify },
  trust: { summary: trustSummary, help: trustHelp, run: runTrust },
  submit: { summary: submitSummary, help: submitHelp, run: runSubmit },
  submissions: { summary: submissionsSummary, help: submissionsHelp, run: runSubmissions },
  settings: { summary: settingsSummary, help: settingsHelp, run: runSettings },
  identity: { summary: identitySummary, help: identityHelp, run: runIdentity },
  void: { summary: voidSummary, help: voidHelp, run: runVoid },
  ship: { summary: shipSummary, help: shipHelp, run: runShip },
  deliver: { summary: deliverSummary, help: deliverHelp, run: runDeliver },
  records: { summary: recordsSummary, help: recordsHelp, run: runRecords },
  'issue-batch': { summary: issueBatchSummary, help: issueBatchHelp, run: runIssueBatch },
  parties: { summary: partiesSummary, help: partiesHelp, run: runParties },
  stats: { summary: statsSummary, help: statsHelp, run: runStats },
  review: { summary: reviewSummary, help: reviewHelp, run: runReviewCommand },
  'import-records': {
    summary: importRecordsSummary,
    help: importRecordsHelp,
    run: runImportRecords,
  },
  incoming: { summary: incomingSummary, help: incomingHelp, run: runIncoming },
  'export-audit-package': {
    summary: exportAuditPackageSummary,
    help: exportAuditPackageHelp,
    run: runExportAuditPackage,
  },
  templates: { summary: templatesSummary, help: templatesHelp, run: runTemplates },
};

export const mainHelp = `kpdesk ${version}: check US Kimberley Process certificates and keep the KP Desk vault.

Usage:
  kpdesk validate <certificate.json> [--json] [--purpose issue|draft] [--expiry-days N]
  kpdesk init --admin-user <username> [--dir <folder>] [--recovery-key-out <file>] [...]
  kpdesk stock add <numbers> --user <username> [--description <text>]
  kpdesk stock [status]
  kpdesk audit verify [--json] [--anchors <file or folder>]...
  kpdesk audit head [--out <file>]
  kpdesk backup <file>
  kpdesk restore <file> [--yes] [--replace-other-vault <id>] [--drop-events <n>]
  kpdesk rekey --user <admin> --recovery-key-out <file>
  kpdesk issue <certificate.json | --draft ID> --attest --packaging <text> --warranty <text>
  kpdesk issue-batch <file.csv|file.json> --attest --user <username> [--all-or-nothing]
  kpdesk verify <file.pdf> [--json] [--vault | --seal-key <file.pem> --trust <cert.pem>]
  kpdesk trust [list] | add <cert.pem> --label <name> | remove <fingerprint> --user <username>
  kpdesk submit [--wait <seconds>] [--json]
  kpdesk submissions [--status <status>] [--json]
  kpdesk submissions retry|cancel <id> | confirm <id> --reference <text> [--date <date>]
                     | package <id>... --out <file.pdf> | export-receipts --out <file>
  kpdesk settings recipient [<census|uskpa> --https <url> --ca <file> --client-cert <file>
                            --client-key <file> | --smtp <url> --to <address> [--ca <file>]
                            [--smtp-user <name> --smtp-password-file <file>] | --manual]
                            --user <admin>
  kpdesk identity [show] | generate --signer-name <name> | import <file.p12> | csr
  kpdesk void <number> --reason <reason> [--notes <text>] --user <username>
  kpdesk ship <number> --date <YYYY-MM-DD> --user <username>
  kpdesk deliver <number> [--import-confirmed] --user <username>
  kpdesk parties export [--out <file>] | import <file.csv|file.json> --user <username>
  kpdesk records [--state <state>] [--search <text>] [--limit <n>] --user <username>
  kpdesk stats --period 2018|2026Q3|2026-01-01..2026-06-30 [--format table|csv|json] [--top N]
  kpdesk review [--period 2026Q3|2026|FROM..TO] [--format table|csv|json|pdf] [--out FILE]
  kpdesk import-records <file.csv|file.json> --user <admin> [--all-or-nothing]
  kpdesk incoming register <certificate.json> [--scan <file>] | list
                 | receipt-report <number> --out <file.pdf> | confirm-sent <number> --date <date>
  kpdesk review --package FILE [--passphrase-file F] [--trust CERT]... [--format table|csv|json]
  kpdesk export-audit-package FILE [--package-passphrase-file F] [--period P] --user U
  kpdesk templates list | show <name> | save <name> --from <number> | delete <name> [--json]
  kpdesk issue <shipment.json> --template <name> --attest --packaging <text> --warranty <text>
  kpdesk help [command]
  kpdesk --version

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`)
  .join('\n')}

Options:
  -h, --help     Show this help (or "kpdesk <command> --help" for a command's help).
  -v, --version  Show the version and the date of the KP Participant list the rules use.

Vault commands read the vault passphrase from --passphrase-file, $KPDESK_PASSPHRASE or a
prompt, and the vault folder from --dir, $KPDESK_VAULT_DIR or the per-user data folder.

Exit codes: 0 all is well, 1 something was found (an error-level finding, a break in the
audit chain), 2 usage error, unreadable file or refused input (nothing was changed).
Every command: docs/cli.md. The certificate file format: docs/certificate-format.md.
`;

export async function runKpdesk(args: readonly string[], io: CliIo): Promise<ExitCode> {
  // Options before the command are kpdesk's own; everything after belongs to the command.
  const commandIndex = args.findIndex((arg) => !arg.startsWith('-'));
  const ownArgs = commandIndex === -1 ? args : args.slice(0, commandIndex);
  let own;
  try {
    own = parseArgs({
      args: [...ownArgs],
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
      strict: true,
    }).values;
  } catch (error: unknown) {
    return usageError(io, describeArgsError(error));
  }
  if (own.version) {
    io.stdout(`kpdesk ${version} (KP Participant list of ${participantsAsOf})\n`);
    return exitCodes.ok;
  }
  const name = commandIndex === -1 ? undefined : args[commandIndex];
  const rest = args.slice(commandIndex + 1);
  if (name === undefined) {
    if (own.help) {
      io.stdout(mainHelp);
      return exitCodes.ok;
    }
    io.stderr(mainHelp);
    return exitCodes.usage;
  }
  if (name === 'help') return showHelp(rest[0], io);
  const command = commands[name];
  if (command === undefined) return usageError(io, `Unknown command "${name}".`);
  if (own.help) return showHelp(name, io);
  try {
    return await command.run(rest, io);
  } catch (error: unknown) {
    // A bug, not a user mistake: say so plainly, keep the detail for the bug report.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`kpdesk ${name}: internal error; please report it with this text:\n${detail}\n`);
    return exitCodes.usage;
  }
}

function showHelp(name: string | undefined, io: CliIo): ExitCode {
  if (name === undefined) {
    io.stdout(mainHelp);
    return exitCodes.ok;
  }
  const command = commands[name];
  if (command === undefined) return usageError(io, `Unknown command "${name}".`);
  io.stdout(command.help);
  return exitCodes.ok;
}

function usageError(io: CliIo, message: string): ExitCode {
  io.stderr(`kpdesk: ${message}\nRun "kpdesk --help" for usage.\n`);
  return exitCodes.usage;
}

/** Runs kpdesk on this process's arguments and streams (called by bin/kpdesk.mjs). */
export async function main(): Promise<void> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    // Piped output (a file, grep) gets a fixed width so it does not depend on the terminal.
    columns: process.stdout.isTTY ? process.stdout.columns : 120,
    env: process.env,
    stderrIsTty: process.stderr.isTTY,
  };
  const terminal = processTerminal();
  if (terminal !== undefined) io.terminal = terminal;
  try {
    // exitCode, not exit(): output still being flushed to a pipe must not be cut off.
    process.exitCode = await runKpdesk(process.argv.slice(2), io);
  } finally {
    // An open prompt interface would keep reading stdin, and the process alive.
    terminal?.close();
  }
}
