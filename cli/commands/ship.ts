// `kpdesk ship <number> --date YYYY-MM-DD`: records that an issued certificate left with its
// shipment, as the app's Records screen does. The lifecycle checks the date (not before the date
// of issue, not after the date of expiry: 31 CFR 592.307(e), an expired KPC must not be used) and
// the Census copy is queued in the same transaction (31 CFR 592.301(a)(1)(iv): immediately after
// export).
import { parseIsoDate } from '../../shared/domain/calendar-date';
import type { CliIo, ExitCode } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { lifecycleOutput, mustHaveCertificate, runLifecycleCommand } from '../lifecycle-command';
import { signInHelp } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const shipSummary = 'Record that an issued certificate was shipped on a date.';

export const shipHelp = `Usage:
  kpdesk ship <number> --date <YYYY-MM-DD> --user <username> [options]

Marks the issued certificate with this number as shipped on the date given (the export date),
and queues its copy for Census (31 CFR 592.301(a)(1)(iv)). The date may not be before the date
of issue nor after the date of expiry (an expired certificate must not be used: void it and
issue a new one). Operators and administrators may ship; reviewers may not.

Options:
  --date <YYYY-MM-DD>         Required: the date the shipment left.
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { certificateId, number, state, shipDate, ... }.
  -h, --help                  Show this help.

Exit codes: 0 shipped; 2 usage error or refused (unknown number, not issued, a date outside the
certificate's validity, wrong passphrase or password, not allowed for your role): nothing was
changed.
`;

export function runShip(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return runLifecycleCommand(args, io, {
    name: 'ship',
    help: shipHelp,
    options: { date: { type: 'string' } },
    check: (values) => {
      const date = (values.date ?? '').trim();
      if (date === '')
        throw usageFailure('Give the ship date with --date YYYY-MM-DD.', { '--date': 'required' });
      if (parseIsoDate(date) === null) {
        const message = `"${date}" is not a date: use YYYY-MM-DD, e.g. 2026-11-28.`;
        throw usageFailure(message, { '--date': message });
      }
    },
    run: ({ services, actor, number, record, values }) =>
      lifecycleOutput(
        services.issuance.ship(actor, {
          id: mustHaveCertificate(number, record).id,
          shipDate: (values.date ?? '').trim(),
        }),
      ),
    describe: (output) =>
      `Shipped ${output.number} on ${output.shipDate ?? ''}; its copy for Census is queued.`,
  });
}
