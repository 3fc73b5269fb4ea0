// `kpdesk audit verify`: walks the vault's audit chain (every event's hash and link), compares
// every record with the digest its latest event recorded, and looks for rows no event accounts
// for (electron/core/vault/audit/verify-audit-chain.ts). A break means the record was changed
// outside KP Desk: exit 1, like an error-level finding, so a nightly script can alert on it.
import type { AuditReport } from '../../electron/core/vault/audit/verify-audit-chain';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { unlockHelp } from '../unlock-from-options';

export const auditSummary = 'Verify the audit chain of the vault.';

export const auditHelp = `Usage: kpdesk audit verify [options]

Checks that the vault's record was not changed behind KP Desk's back: every audit event's
hash and its link to the event before it, every record against the digest its latest
event recorded, and that no record exists without an event. Reports the first break.

Options:
${unlockHelp}
  --json                      Print one JSON object: { ok, eventsChecked, firstBreak? }
                              with firstBreak { seq, kind, entityType, entityId, record,
                              message } (record: the record in plain words).
  -h, --help                  Show this help.

Exit codes: 0 the chain is intact, 1 a break was found, 2 usage error or the vault
cannot be opened (wrong passphrase: nothing was changed).
`;

export function formatAuditReport(report: AuditReport): string {
  const checked = `${String(report.eventsChecked)} event${report.eventsChecked === 1 ? '' : 's'} checked`;
  if (report.firstBreak === undefined) return `Audit chain OK: ${checked}, no break.\n`;
  const { seq, kind, entityType, entityId, record, message } = report.firstBreak;
  const entity = entityType === undefined ? '' : `, entity ${entityType} ${entityId ?? ''}`;
  // The record in a licensee's words first; the audit entity's type and id for a reviewer.
  const named = record === undefined ? '' : `\n  record: ${record}`;
  return `AUDIT CHAIN BROKEN (${checked} before the break)${named}\n  at event ${seq === null ? '(none: a record without an event)' : String(seq)}, kind ${kind}${entity}\n  ${message}\n`;
}

export function runAudit(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'audit', help: auditHelp, options: {} };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [action, ...extra] = positionals;
    if (action !== 'verify' || extra.length > 0) throw usageFailure('Use "kpdesk audit verify".');
    const report = await withVaultForCommand(values, io, ({ services }) => services.audit.verify());
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatAuditReport(report));
    return report.ok ? exitCodes.ok : exitCodes.findingErrors;
  });
}
