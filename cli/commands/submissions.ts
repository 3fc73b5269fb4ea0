// `kpdesk submissions`: the queue of copies to Census and USKPA as the licensee sees it: each
// submission's recipient, idempotency key, status, attempts, and its receipt or last error.
import { statusLabel } from '../../electron/core/submission/delivery-status';
import type { SubmissionView } from '../../electron/core/submission/outbox-deliveries';
import { createSubmissionService } from '../../electron/core/submission/submission-service';
import type { OutboxStatus } from '../../electron/core/vault/repositories/outbox-repository';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { unlockHelp } from '../unlock-from-options';

export const submissionsSummary = 'List the copies due to Census and USKPA and their status.';

const statuses = Object.keys(statusLabel) as OutboxStatus[];

export const submissionsHelp = `Usage: kpdesk submissions [--status <status>] [--limit N] [options]

Lists the submissions (copies to Census, reports to USKPA): recipient, idempotency key,
status, attempts, and the receipt or the last error.

Options:
  --status <status>   Only this status: ${statuses.join(', ')}.
  --limit <N>         At most N rows (default 1000).
${unlockHelp}
  --json              Print one JSON object: { submissions }.
  -h, --help          Show this help.

Exit codes: 0 done, 2 usage error or the vault cannot be opened.
`;

function formatRows(rows: readonly SubmissionView[]): string {
  if (rows.length === 0) return 'No submissions.\n';
  return rows
    .map((row) => {
      const detail =
        row.receiptId !== null
          ? `receipt ${row.receiptId}`
          : row.lastError !== null
            ? `${row.lastErrorCode ?? ''}: ${row.lastError}`
            : `due ${row.nextDueAt}`;
      return `#${String(row.id).padEnd(5)} ${row.recipient.padEnd(6)} ${row.idempotencyKey.padEnd(24)} ${statusLabel[row.status].padEnd(24)} attempts ${String(row.attempts)}  ${detail}`;
    })
    .join('\n')
    .concat('\n');
}

export function runSubmissions(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = { status: { type: 'string' }, limit: { type: 'string' } } as const;
  return runVaultCommand(
    args,
    io,
    { name: 'submissions', help: submissionsHelp, options },
    async ({ values, positionals, json }) => {
      if (positionals.length > 0) throw usageFailure('kpdesk submissions takes no arguments.');
      const status = values.status as OutboxStatus | undefined;
      if (status !== undefined && !statuses.includes(status))
        throw usageFailure(`--status is one of ${statuses.join(', ')}.`, { '--status': 'invalid' });
      const limit = values.limit === undefined ? 1000 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw usageFailure('--limit takes a whole number of rows, at least 1.', {
          '--limit': 'invalid',
        });
      const rows = await withVaultForCommand(values, io, ({ db }) =>
        createSubmissionService(db).list({ ...(status === undefined ? {} : { status }), limit }),
      );
      io.stdout(json ? `${JSON.stringify({ submissions: rows }, null, 2)}\n` : formatRows(rows));
      return exitCodes.ok;
    },
  );
}
