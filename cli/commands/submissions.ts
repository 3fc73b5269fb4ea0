// `kpdesk submissions`: the queue of copies to Census and USKPA as the licensee sees it: each
// submission's recipient, idempotency key, status, attempts, and its receipt or last error; and
// the user's moves on them (submission-actions.ts).
import { statusLabel } from '../../electron/core/submission/delivery-status';
import type { ListedSubmission } from '../../electron/core/submission/submission-service';
import { createSubmissionService } from '../../electron/core/submission/submission-service';
import type { OutboxStatus } from '../../electron/core/vault/repositories/outbox-repository';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import { runAction } from './submission-actions';

const ACTIONS = ['retry', 'cancel', 'confirm', 'package', 'export-receipts'] as const;

export const submissionsSummary = 'List the copies due to Census and USKPA and their status.';

const statuses = Object.keys(statusLabel) as OutboxStatus[];

export const submissionsHelp = `Usage:
  kpdesk submissions [--status <status>] [--limit N] [options]
  kpdesk submissions retry <id> --user <name> [options]
  kpdesk submissions cancel <id> --user <name> [options]
  kpdesk submissions confirm <id> --reference <text> [--method fax|sft|other --sent-at <ISO>]
                            [--date YYYY-MM-DD] [--note <text>] --user <name>
  kpdesk submissions package <id>... --out <file.pdf> --user <name> [options]
  kpdesk submissions export-receipts --out <file> [options]

Lists the submissions (copies to Census, reports to USKPA): recipient, idempotency key,
status, attempts, and the receipt or the last error; a manual one waiting for you carries a
reminder. Operators and administrators act on them:
  retry            Send a Failed or Rejected one again at the next "kpdesk submit".
  cancel           Never send it (it stays listed as Cancelled).
  confirm          Manual channel: record that it was faxed or uploaded. It becomes Delivered
                   with your confirmation as its receipt ("confirmed by <you>", not proven
                   by the recipient).
  package          Manual channel: write a fax-ready PDF (cover sheet to the Census KP
                   Coordination Branch, fax (800) 457-7328, then the signed certificates).
  export-receipts  Write every stored receipt as JSON lines, each with its verification
                   state checked now (signed HTTPS receipts are verified again).

Options:
  --status <status>   Only this status: ${statuses.join(', ')}.
  --limit <N>         At most N rows (default 1000).
  --reference <text>  confirm: the fax confirmation or the transfer reference.
  --method <how>      confirm: fax, sft (Census's secure file transfer) or other; with --sent-at.
  --sent-at <ISO>     confirm: the date and time it was sent, e.g. 2026-12-07T14:30Z (with
                      --method; not in the future, not before the copy was due).
  --date <date>       confirm: only the day it was sent (default today), instead of --sent-at.
  --note <text>       confirm: an optional note kept with the confirmation.
  --out <file>        package, export-receipts: a new file (never overwritten).
${signInHelp}
${unlockHelp}
  --json              Print one JSON object: { submissions }.
  -h, --help          Show this help.

Exit codes: 0 done, 2 usage error, refused move or the vault cannot be opened (nothing changed).
`;

function formatRows(rows: readonly ListedSubmission[]): string {
  if (rows.length === 0) return 'No submissions.\n';
  return rows
    .map((row) => {
      const detail =
        row.deliveryNote !== null
          ? row.deliveryNote
          : row.reminder !== null
            ? row.reminder
            : row.lastError !== null
              ? `${row.lastErrorCode ?? ''}: ${row.lastError}`
              : `due ${row.nextDueAt}`;
      return `#${String(row.id).padEnd(5)} ${row.recipient.padEnd(6)} ${row.idempotencyKey.padEnd(24)} ${statusLabel[row.status].padEnd(24)} attempts ${String(row.attempts)}  ${detail}`;
    })
    .join('\n')
    .concat('\n');
}

export function runSubmissions(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = {
    ...signInOptions,
    status: { type: 'string' },
    limit: { type: 'string' },
    reference: { type: 'string' },
    date: { type: 'string' },
    method: { type: 'string' },
    'sent-at': { type: 'string' },
    note: { type: 'string' },
    out: { type: 'string' },
  } as const;
  return runVaultCommand(
    args,
    io,
    { name: 'submissions', help: submissionsHelp, options },
    async ({ values, positionals, json }) => {
      const [first, ...rest] = positionals;
      if (first !== undefined) {
        if (!(ACTIONS as readonly string[]).includes(first))
          throw usageFailure(
            `Unknown action "${first}": use ${ACTIONS.join(', ')}, or no action to list.`,
          );
        const action = first as (typeof ACTIONS)[number];
        const result = await withVaultForCommand(values, io, (vault) =>
          runAction(action, rest, values, io, vault),
        );
        io.stdout(json ? `${JSON.stringify(result.json, null, 2)}\n` : result.text);
        return exitCodes.ok;
      }
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
