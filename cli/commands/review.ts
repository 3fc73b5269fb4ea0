// `kpdesk review [--period P] [--format table|csv|json|pdf] [--out FILE] [--anchors PATH]...`:
// the full review of the vault (electron/core/review/, docs/review.md) as a reviewer or an
// administrator, signed in. Exit 1 when any finding is an error, so a scheduled run can alert;
// progress goes to stderr, the report to stdout or to a new file (--out). It changes nothing.
import { resolve } from 'node:path';
import type { ReviewReport } from '../../shared/review/review-report';
import { ReviewRequestSchema } from '../../shared/review/review-report';
import { checkAnchorFiles } from '../../electron/core/vault/audit/check-anchor-files';
import { readVaultKeyFile } from '../../electron/core/vault/keys/unlock-vault';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { ReviewProgress } from '../../electron/core/review/review-service';
import { runReview } from '../../electron/core/review/review-service';
import { reviewCsv } from '../../electron/core/review/review-csv';
import { renderReviewPdf } from '../../electron/core/review/review-pdf';
import { findResourcesDir } from '../../electron/core/documents/find-resources-dir';
import { AppFailure } from '../../electron/core/app-failure';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { formatReview } from '../format-review';
import type { PackageVerification } from '../review-package';
import { formatPackageChecks, reviewPackageFile } from '../review-package';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import { writeNewFile } from '../write-new-file';

export const reviewSummary =
  'Full review of the records: findings with rule and source (reviewers, administrators).';

export const reviewHelp = `Usage: kpdesk review [--period <period>] [--format table|csv|json|pdf] [--out <file>]
                    [--anchors <file or folder>]... [options]

Checks the vault as a USKPA reviewer would (docs/review.md): the audit chain (and the
anchors named), every stored signed PDF against its record, the stock book, ITNs missing or
used twice, Census copies of exported and voided certificates, certificates expired and not
voided, USKPA reports missing or not matching the record and their receipts, import numbers
reused, corrections pending. Each finding names the certificate, the rule, its source and a
severity (error, warning, info). Nothing in the vault changes.

Options:
  --period <period>           Only certificates issued in 2026 (a year), 2026Q3 (a quarter)
                              or 2026-01-01..2026-06-30 (dates included). Default: all.
  --format table|csv|json|pdf table (default), csv (one row per finding, formula-safe),
                              json (the whole report) or pdf (needs --out). --json is
                              --format json.
  --out <file>                Write the report to this new file (never overwritten).
  --anchors <path>            A head file, a backup or a folder of them (repeatable): the
                              chain is also compared with them (kpdesk audit verify).
  --package <file>            Review an audit package instead of this computer's vault
                              (docs/audit-package.md): it is verified first (decryption, the
                              manifest's signature, every entry, the audit chain, every signed
                              PDF; an altered package is refused and the part named), then
                              reviewed read-only. --passphrase-file then names the package's
                              passphrase file (else $KPDESK_PACKAGE_PASSPHRASE, else a prompt);
                              no vault is opened and no sign-in is asked.
  --trust <cert.pem>          With --package: a certificate to trust (PEM or DER), e.g. the
                              licensee's signing certificate received separately; may be given
                              again. Without it the package is "signed by X, whose
                              certificate is not trusted here".
${signInHelp}
${unlockHelp}
  -h, --help                  Show this help.

Only reviewers and administrators may run the review. Progress is written to stderr.

Exit codes: 0 no error-level finding (warnings and information allowed), 1 at least one
error-level finding, 2 usage error or refused (a period that is not one, wrong passphrase or
password, not allowed for your role, an --out file that exists).
`;

const FORMATS = ['table', 'csv', 'json', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const PHASE_WORDS: Record<ReviewProgress['phase'], string> = {
  verify: 'verifying the audit chain',
  documents: 'verifying the signed PDFs',
  records: 'checking the records',
};

/** A redrawn percent line on a terminal; one line per phase otherwise (a log file). */
function progressWriter(io: CliIo): {
  onProgress: (p: ReviewProgress) => void;
  finish: () => void;
} {
  let last = '';
  let phase: ReviewProgress['phase'] | null = null;
  return {
    onProgress: ({ phase: now, done, total }) => {
      if (!io.stderrIsTty) {
        if (now !== phase) io.stderr(`review: ${PHASE_WORDS[now]}…\n`);
        phase = now;
        return;
      }
      const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total));
      const text = `review: ${PHASE_WORDS[now]} ${String(percent)}%`;
      if (text === last) return;
      io.stderr(`\r${text.padEnd(last.length)}`);
      last = text;
    },
    finish: () => {
      if (last !== '') io.stderr('\n');
      last = '';
    },
  };
}

export function runReviewCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = {
    ...signInOptions,
    period: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    anchors: { type: 'string', multiple: true },
    package: { type: 'string' },
    trust: { type: 'string', multiple: true },
  } as const;
  return runVaultCommand(
    args,
    io,
    { name: 'review', help: reviewHelp, options },
    async (parsed) => {
      const { values, positionals, json } = parsed;
      if (positionals.length > 0)
        throw usageFailure('"kpdesk review" takes no arguments; give a period with --period.');
      const formatText = values.format ?? (json ? 'json' : 'table');
      if (!(FORMATS as readonly string[]).includes(formatText))
        throw usageFailure(`Unknown format "${formatText}": use table, csv, json or pdf.`, {
          '--format': 'enum',
        });
      const format = formatText as Format;
      if (json && format !== 'json')
        throw usageFailure('--json asks for JSON: leave out --format, or use --format json.', {
          '--format': 'conflict',
        });
      if (format === 'pdf' && values.out === undefined)
        throw usageFailure('A PDF is written to a file: add --out <file.pdf>.', {
          '--out': 'required',
        });
      const request = ReviewRequestSchema.parse(
        values.period === undefined ? {} : { period: values.period },
      );
      const anchors = values.anchors ?? [];
      const progress = progressWriter(io);
      const packageFile = values.package;
      if (packageFile === undefined && values.trust !== undefined)
        throw usageFailure('--trust belongs to --package (the vault has its own trust list).', {
          '--trust': 'needs --package',
        });
      if (
        packageFile !== undefined &&
        (anchors.length > 0 ||
          values.dir !== undefined ||
          values.user !== undefined ||
          values['recovery-key-file'] !== undefined)
      )
        throw usageFailure(
          'With --package no vault is opened: leave out --dir, --user, --recovery-key-file and --anchors.',
          { '--package': 'conflict' },
        );
      let verification: PackageVerification | null = null;
      let report: ReviewReport;
      if (packageFile !== undefined) {
        try {
          const reviewed = await reviewPackageFile(io, {
            file: packageFile,
            passphraseFile: values['passphrase-file'],
            trust: values.trust ?? [],
            period: request.period,
            onProgress: progress.onProgress,
          });
          report = reviewed.report;
          verification = reviewed.verification;
        } finally {
          progress.finish();
        }
        if (format !== 'json') io.stderr(formatPackageChecks(verification));
      } else
        report = await withVaultForCommand(values, io, async ({ services, db, dir, key }) => {
          const actor = await signInFromOptions(services, values, io);
          const vaultId = readVaultKeyFile(dir).vaultId;
          const now = () => new Date();
          try {
            return await runReview(
              {
                db,
                services,
                documents: documentOperationsFor(db, { now, resourcesDir: undefined }),
                now,
                vaultId,
                onProgress: progress.onProgress,
                ...(anchors.length === 0
                  ? {}
                  : {
                      anchors: () => checkAnchorFiles(db, anchors, { cwd: io.cwd, vaultId, key }),
                    }),
              },
              actor,
              request,
            );
          } finally {
            progress.finish();
          }
        });
      const text =
        format === 'json'
          ? `${JSON.stringify(verification === null ? report : { ...report, package: verification }, null, 2)}\n`
          : format === 'csv'
            ? reviewCsv(report)
            : format === 'table'
              ? formatReview(report)
              : null;
      if (values.out !== undefined) {
        const path = resolve(io.cwd, values.out);
        if (text === null) {
          const resourcesDir = findResourcesDir(undefined, import.meta.dirname);
          if (resourcesDir === undefined)
            throw new AppFailure(
              'INTERNAL',
              'The fonts for the PDF (resources/fonts) were not found.',
            );
          await writeNewFile(path, '--out', await renderReviewPdf(report, { resourcesDir }));
        } else await writeNewFile(path, '--out', text);
        io.stderr(
          `review: ${String(report.counts.error)} errors, ${String(report.counts.warning)} warnings, ${String(report.counts.info)} for information; written to ${path}\n`,
        );
      } else if (text !== null) io.stdout(text);
      return report.counts.error > 0 ? exitCodes.findingErrors : exitCodes.ok;
    },
  );
}
