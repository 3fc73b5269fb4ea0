// `kpdesk deliver <number> [--import-confirmed]`: records that a shipped certificate's shipment
// arrived, as the app's Records screen does; --import-confirmed when the importing authority
// confirmed receipt (KPCS Annex I: the importing Participant confirms receipt to the exporter).
import type { CliIo, ExitCode } from '../cli-io';
import { lifecycleOutput, mustHaveCertificate, runLifecycleCommand } from '../lifecycle-command';
import { signInHelp } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const deliverSummary = 'Record that a shipped certificate was delivered.';

export const deliverHelp = `Usage:
  kpdesk deliver <number> [--import-confirmed] --user <username> [options]

Marks the shipped certificate with this number as delivered. A delivered certificate can no
longer be voided. Operators and administrators may do this; reviewers may not.

Options:
  --import-confirmed          The importing country's authority confirmed receipt.
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { certificateId, number, state,
                              deliveredAt, importConfirmed, ... }.
  -h, --help                  Show this help.

Exit codes: 0 delivered; 2 usage error or refused (unknown number, not shipped, wrong passphrase
or password, not allowed for your role): nothing was changed.
`;

export function runDeliver(args: readonly string[], io: CliIo): Promise<ExitCode> {
  return runLifecycleCommand(args, io, {
    name: 'deliver',
    help: deliverHelp,
    options: { 'import-confirmed': { type: 'boolean', default: false } },
    check: () => undefined,
    run: ({ services, actor, number, record, values }) =>
      lifecycleOutput(
        services.issuance.deliver(actor, {
          id: mustHaveCertificate(number, record).id,
          importConfirmed: values['import-confirmed'] === true,
        }),
      ),
    describe: (output) =>
      `Delivered ${output.number}${output.importConfirmed ? ', import confirmed' : ''}.`,
  });
}
