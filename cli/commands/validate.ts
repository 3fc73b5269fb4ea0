// `kpdesk validate <certificate.json>`: the same rules the app runs (shared/domain), over a file,
// for carriers checking a batch and USKPA reviewers checking what a licensee sent.
import { resolve } from 'node:path';
import type { Finding } from '../../shared/domain/finding';
import { validateCertificate } from '../../shared/domain/validate-certificate';
import type { ValidationReport } from '../../shared/domain/validation-report';
import { defaultValidationSettings } from '../../shared/domain/validation-settings';
import type { AppError } from '../../shared/errors';
import { licenseeLocalDate } from '../../electron/core/issuance/licensee-local-date';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { formatFindingsTable, formatSummary } from '../format-findings';
import { readCertificateFile } from '../read-certificate-file';
import { parseValidateOptions } from './validate-options';

export const validateSummary = 'Check a certificate JSON file against the US rules.';

export const validateHelp = `Usage: kpdesk validate <certificate.json> [options]

Checks one certificate file (docs/certificate-format.md) against the US rules for a
Kimberley Process certificate (31 CFR 592.307 and USKPA practice) and lists every finding.

Options:
  --json               Print one JSON object instead of a table:
                       { file, certificateNumber, errorCount, warningCount, findings }
                       (a file that cannot be checked gives { error: { code, message, fields } })
  --purpose <purpose>  issue (default): everything needed to issue must be there.
                       draft: still being prepared; what only issuance needs is a warning.
  --expiry-days <N>    Most days allowed from issue to expiry (default ${String(defaultValidationSettings.expiryMaxDays)}).
  --expiry-mode <mode> at-most (default): expiry up to --expiry-days after issue;
                       exactly: exactly that many days (USKPA's own database issues exactly 60).
  --price-range <CODE=LOWEST-HIGHEST>
                       The usual US$ per carat of an HS code, e.g. 7102.31=5-50000; outside it,
                       a warning. Repeat for each code; the others keep their defaults
                       (7102.10=1-5000, 7102.21=0.1-150, 7102.31=5-50000; the app's Settings).
  --today <YYYY-MM-DD> With --purpose issue: the day the certificate would be used, to find one
                       that has already expired (default: today on this computer).
  -h, --help           Show this help.

Exit codes:
  0  no error-level finding (warnings allowed)
  1  at least one error-level finding
  2  usage error, or the file is unreadable or not a certificate
`;

/** The --json answer. Its keys are part of the CLI's contract: add keys, never rename them. */
export type ValidateJsonOutput = {
  file: string;
  certificateNumber: string;
  errorCount: number;
  warningCount: number;
  findings: Finding[];
};

export async function runValidate(args: readonly string[], io: CliIo): Promise<ExitCode> {
  // Known before parsing, so even a usage error answers in the format the caller asked for.
  const wantsJson = args.includes('--json');
  const options = parseValidateOptions(args);
  if (!options.ok) {
    writeError(io, options.error, wantsJson, 'Run "kpdesk validate --help" for usage.');
    return exitCodes.usage;
  }
  if (options.value.kind === 'help') {
    io.stdout(validateHelp);
    return exitCodes.ok;
  }
  const { file, json, purpose, settings } = options.value;
  // To issue, an expired certificate is an error (31 CFR 592.307(e)); a draft is not judged by
  // today's date.
  const today =
    purpose === 'issue'
      ? (options.value.today ?? licenseeLocalDate(io.now?.() ?? new Date()))
      : undefined;
  const draft = await readCertificateFile(resolve(io.cwd, file), file);
  if (!draft.ok) {
    writeError(io, draft.error, json);
    return exitCodes.usage;
  }
  const report = validateCertificate(draft.value, {
    settings,
    purpose,
    ...(today === undefined ? {} : { today }),
  });
  if (json) {
    io.stdout(`${JSON.stringify(toJsonOutput(file, draft.value.number, report), null, 2)}\n`);
  } else {
    const table = formatFindingsTable(report.findings, io.columns);
    io.stdout(`${table}${table === '' ? '' : '\n'}${formatSummary(report, draft.value.number)}`);
  }
  return report.errorCount > 0 ? exitCodes.findingErrors : exitCodes.ok;
}

export function toJsonOutput(
  file: string,
  certificateNumber: string,
  report: ValidationReport,
): ValidateJsonOutput {
  return {
    file,
    certificateNumber,
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    // Rebuilt key by key so the order of keys in the output never depends on the rule code.
    findings: report.findings.map(({ severity, field, code, message, source }) => ({
      severity,
      field,
      code,
      message,
      source,
    })),
  };
}

/** An error in --json mode goes to stdout as { error }, so a script reads one stream. */
export function writeError(io: CliIo, error: AppError, json: boolean, hint?: string): void {
  if (json) {
    io.stdout(`${JSON.stringify({ error }, null, 2)}\n`);
    return;
  }
  io.stderr(`kpdesk validate: ${error.message}\n${hint === undefined ? '' : `${hint}\n`}`);
}
