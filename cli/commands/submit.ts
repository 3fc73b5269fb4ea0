// `kpdesk submit`: sends the copies and reports that are due to Census and USKPA over the
// channels set with "kpdesk settings recipient" (docs/submission-api.md), with progress on
// stderr, and prints what is left: rows still waiting (a failed attempt is retried later), rows
// Rejected that need the user, and recipients with nothing set. Exit 0 when nothing is left.
import type { DrainSummary } from '../../electron/core/submission/drain-outbox';
import { statusLabel } from '../../electron/core/submission/delivery-status';
import type { SubmissionView } from '../../electron/core/submission/outbox-deliveries';
import { createSubmissionService } from '../../electron/core/submission/submission-service';
import type { OutboxRecipient } from '../../electron/core/vault/repositories/outbox-repository';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { unlockHelp } from '../unlock-from-options';

export const submitSummary = 'Send the copies due to Census and USKPA; show what is left.';

export const submitHelp = `Usage: kpdesk submit [--wait <seconds>] [options]

Sends every copy that is due (Census: each exported and each voided certificate, 31 CFR
592.301(a)(1)(iv)-(v); USKPA: each certificate's use) to the recipients set with
"kpdesk settings recipient", one at a time, each with its idempotency key, and stores each
signed receipt in the vault. A failed attempt is retried later with growing delays; a copy the
recipient refuses, or whose receipt does not prove delivery, is Rejected and needs you.
A copy another KP Desk process is sending at this moment (the app's background delivery) is
left to it and listed with that process ("sent by another KP Desk process"): no copy is ever
sent by both.

Options:
  --wait <seconds>    Also wait for retries due within this many seconds (default 0).
${unlockHelp}
  --json              Print one JSON object: { summary (with heldElsewhere), left, needsYou,
                      notConfigured }.
  -h, --help          Show this help.

Progress goes to stderr. Exit codes: 0 nothing is left to send, 1 something is left (waiting,
rejected, or a recipient not set), 2 usage error or the vault cannot be opened.
`;

type Left = Partial<Record<'pending' | 'sending' | 'failed' | 'rejected', number>>;

type SubmitOutput = {
  summary: DrainSummary;
  left: Left;
  needsYou: SubmissionView[];
  notConfigured: { recipient: OutboxRecipient; waiting: number }[];
};

function describe(output: SubmitOutput): string {
  const { summary, left, needsYou, notConfigured } = output;
  const lines = [
    `Sent: ${String(summary.delivered)} delivered, ${String(summary.deliveredWithWarnings)} delivered with warnings, ${String(summary.failed)} failed attempts (will retry), ${String(summary.rejected)} rejected.`,
  ];
  if (summary.recovered > 0)
    lines.push(
      `${String(summary.recovered)} interrupted earlier were sent again with the same key.`,
    );
  const leftText = Object.entries(left)
    .map(([status, n]) => `${String(n)} ${statusLabel[status as keyof typeof statusLabel]}`)
    .join(', ');
  lines.push(leftText === '' ? 'Nothing is left to send.' : `Left: ${leftText}.`);
  for (const row of needsYou)
    lines.push(
      `  needs you: #${String(row.id)} ${row.recipient} ${row.idempotencyKey}: ${row.lastError ?? ''}`,
    );
  // Another KP Desk (the app's background delivery, another `kpdesk submit`) is sending these
  // right now; this run left them alone so that no copy is sent twice (outbox leases).
  for (const held of summary.heldElsewhere) {
    const [host, pid] = held.holder.split('/');
    lines.push(
      `  sent by another KP Desk process (pid ${pid ?? '?'} on ${host ?? '?'}, until ${held.until}): #${String(held.id)} ${held.recipient} ${held.number} ${held.kind}`,
    );
  }
  for (const { recipient, waiting } of notConfigured)
    lines.push(
      `  ${String(waiting)} for ${recipient} wait: no channel is set (kpdesk settings recipient ${recipient} ...).`,
    );
  return `${lines.join('\n')}\n`;
}

export function runSubmit(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = { wait: { type: 'string' } } as const;
  return runVaultCommand(args, io, { name: 'submit', help: submitHelp, options }, async (p) => {
    const { values, positionals, json } = p;
    if (positionals.length > 0) throw usageFailure('kpdesk submit takes no arguments.');
    const waitSeconds = values.wait === undefined ? 0 : Number(values.wait);
    if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > 86_400)
      throw usageFailure('--wait takes whole seconds from 0 to 86400.', { '--wait': 'invalid' });
    const output = await withVaultForCommand(values, io, async ({ db }): Promise<SubmitOutput> => {
      const submissions = createSubmissionService(db);
      let lastDrawn = '';
      const summary = await submissions.drain({
        untilEmpty: waitSeconds > 0,
        maxWaitMs: waitSeconds * 1000,
        onProgress: ({ attempts, total, item, status, message }) => {
          const head = `submit: ${String(attempts)}/${String(total)}`;
          if (message !== null) {
            // Problems always get their own line; a log keeps them.
            io.stderr(
              `${lastDrawn === '' ? '' : '\n'}${head} ${item.recipient} ${item.idempotencyKey}: ${statusLabel[status]}: ${message}\n`,
            );
            lastDrawn = '';
          } else if (io.stderrIsTty) {
            const text = `${head} sent`;
            io.stderr(`\r${text.padEnd(lastDrawn.length)}`);
            lastDrawn = text;
          } else if (attempts % 100 === 0 || attempts === total) {
            io.stderr(`${head} sent\n`);
          }
        },
      });
      if (lastDrawn !== '') io.stderr('\n');
      const left: Left = {};
      for (const { status, n } of submissions.counts())
        if (
          status === 'pending' ||
          status === 'sending' ||
          status === 'failed' ||
          status === 'rejected'
        )
          left[status] = (left[status] ?? 0) + n;
      const sending = new Set(submissions.sendingRecipients());
      const notConfigured = (['census', 'uskpa'] as const)
        .filter((recipient) => !sending.has(recipient))
        .map((recipient) => ({
          recipient,
          waiting: submissions
            .counts()
            .filter(
              (c) => c.recipient === recipient && (c.status === 'pending' || c.status === 'failed'),
            )
            .reduce((sum, c) => sum + c.n, 0),
        }))
        .filter((entry) => entry.waiting > 0);
      return {
        summary,
        left,
        needsYou: submissions.list({ status: 'rejected', limit: 50 }),
        notConfigured,
      };
    });
    io.stdout(json ? `${JSON.stringify(output, null, 2)}\n` : describe(output));
    return Object.keys(output.left).length === 0 ? exitCodes.ok : exitCodes.findingErrors;
  });
}
