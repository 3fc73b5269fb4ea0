// `kpdesk void <number> --reason <reason> [--notes <text>]`: voids a certificate, or a blank form
// never drafted, as the app's Records screen and Stock screen do. The number is spent for good
// (31 CFR 592.307: never used twice), the reason comes from USKPA's list ("Other" needs notes),
// and the Census and USKPA copies are queued in the outbox in the same transaction
// (31 CFR 592.301(a)(1)(v): a copy of a voided KPC to Census immediately on voiding).
import type { CliIo, ExitCode } from '../cli-io';
import type { LifecycleOutput } from '../lifecycle-command';
import { lifecycleOutput, runLifecycleCommand } from '../lifecycle-command';
import { signInHelp } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import { resolveVoidReason } from '../void-reason-option';
import { voidReasons } from '../../shared/reference/reference-data';

export const voidSummary = 'Void a certificate (or an unused form) with a USKPA reason.';

export const voidHelp = `Usage:
  kpdesk void <number> --reason <reason> [--notes <text>] --user <username> [options]

Voids the certificate with this number, in any state before delivered (draft, validated,
issued, shipped, expired), or a blank form of your stock that was never drafted. Irreversible:
the number is never used again. Copies for Census and USKPA are queued in the outbox in the same
step (31 CFR 592.301(a)(1)(v)). Operators and administrators may void; reviewers may not.

Reasons (USKPA's list; any letter case, or the unique start of one, e.g. "printer"):
${voidReasons.map((reason) => `  ${reason}`).join('\n')}

Options:
  --reason <reason>           Required: why the certificate is voided.
  --notes <text>              Notes; required with "Other (notes required)".
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { certificateId, number, state, voidReason,
                              voidNotes, voidedAt, ... } (certificateId null for a blank form).
  -h, --help                  Show this help.

Exit codes: 0 voided; 2 usage error or refused (unknown number, already delivered or voided,
wrong passphrase or password, not allowed for your role): nothing was changed.
`;

const voidOptions = { reason: { type: 'string' }, notes: { type: 'string' } } as const;

export function runVoid(args: readonly string[], io: CliIo): Promise<ExitCode> {
  let reason = '';
  return runLifecycleCommand(args, io, {
    name: 'void',
    help: voidHelp,
    options: voidOptions,
    check: (values) => {
      reason = resolveVoidReason(values.reason);
    },
    run: ({ services, actor, number, record, values }) => {
      const notes = values.notes ?? '';
      if (record !== null)
        return lifecycleOutput(services.issuance.void(actor, { id: record.id, reason, notes }));
      // No certificate on this number: a spoiled blank form (its own record, same rules).
      services.issuance.voidBlank(actor, { number, reason, notes });
      const blank = services.stock.blankVoid(number);
      const output: LifecycleOutput = {
        certificateId: null,
        number,
        state: 'VOIDED',
        shipDate: null,
        deliveredAt: null,
        importConfirmed: false,
        voidReason: reason,
        voidNotes: notes,
        voidedAt: blank?.voidedAt ?? null,
      };
      return output;
    },
    describe: (output) =>
      `Voided ${output.number}${output.certificateId === null ? ' (a blank form)' : ''}: ${output.voidReason ?? ''}. Copies for Census and USKPA are queued.`,
  });
}
