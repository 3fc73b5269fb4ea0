// `kpdesk audit verify`: walks the vault's audit chain (every event's hash and link), compares
// every record with the digest its latest event recorded, and looks for rows no event accounts
// for (electron/core/vault/audit/verify-audit-chain.ts). With --anchors, it also compares the
// chain with heads that left the vault earlier (head files, backups, signed certificates:
// check-anchor-files.ts),
// which catches a rewrite with every hash recomputed, or removed last events, that the chain
// alone cannot show. A break or a contradicted anchor means the record was changed outside KP
// Desk: exit 1, like an error-level finding, so a nightly script can alert on it.
// A clean verification (and no anchor contradicting it) records its head as the app's full
// verification does (audit_verified_heads, migration 0220, in one transaction with its
// 'audit.verified' event: verified-heads.ts), so the next check at unlock starts from it.
// `kpdesk audit head`: the current head as one line (docs/audit-anchors.md), to file away.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppFailure } from '../../electron/core/app-failure';
import { formatAnchorLine } from '../../electron/core/vault/audit/anchor-line';
import { readChainHead } from '../../electron/core/vault/audit/chain-head';
import type { AnchorFilesReport } from '../../electron/core/vault/audit/check-anchor-files';
import { checkAnchorFiles } from '../../electron/core/vault/audit/check-anchor-files';
import type { AuditReport } from '../../electron/core/vault/audit/verify-audit-chain';
import { createAuditWriter } from '../../electron/core/vault/audit/audit-chain';
import { verifySnapshot } from '../../electron/core/audit-check/snapshot-verification';
import type { VerifiedHead } from '../../electron/core/audit-check/verified-heads';
import { recordVerifiedHead } from '../../electron/core/audit-check/verified-heads';
import { readVaultKeyFile } from '../../electron/core/vault/keys/unlock-vault';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { unlockHelp } from '../unlock-from-options';

export const auditSummary = 'Verify the audit chain of the vault, or print its head.';

export const auditHelp = `Usage: kpdesk audit verify [--anchors <file or folder>]... [--stored-receipts]
                           [options]
       kpdesk audit head [--out <file>] [options]

verify: checks that the vault's record was not changed behind KP Desk's back: every audit
event's hash and its link to the event before it, every record against the digest its
latest event recorded, and that no record exists without an event. Reports the first break.
With --anchors (repeatable), it also compares the chain with heads that left the vault
earlier: head files written by "kpdesk audit head" (or the app), KP Desk backups (their
manifest holds the head), certificate PDFs this vault signed (each carries the head at its
signing, inside the signature) and receipts exports ("kpdesk submissions export-receipts":
each USKPA receipt echoes the head its submission sent, under USKPA's signature). A folder is
read one level deep. With --stored-receipts, the USKPA receipts stored in the vault count too.
A receipt counts only when its signature verifies against USKPA's pinned CA; otherwise it is
listed as not established. The chain alone cannot show a
rewrite by someone who holds the key and recomputes every hash, nor removed last events;
any anchor taken after the rewritten point can. Each anchor the chain contradicts is named,
with the first event that differs (exactly, when a backup of this vault can be compared).

head: prints the chain's head as one line (docs/audit-anchors.md) to e-mail, print or file
away; with --out, writes it to a new file (an existing file is never overwritten).

Options:
  --anchors <path>            A head file, a backup, a signed PDF, a receipts export or
                              a folder of them (repeatable).
  --stored-receipts           verify: also the USKPA receipts stored in the vault.
  --out <file>                audit head: write the line to this new file.
${unlockHelp}
  --json                      verify: one JSON object { ok, eventsChecked, firstBreak?,
                              anchors? } with firstBreak { seq, kind, entityType, entityId,
                              record, message } and anchors { ok, vaultHead, verdicts,
                              firstDifference?, problems, ignored }.
                              head: { line, vaultId, seq, hash, at }.
  -h, --help                  Show this help.

Exit codes: 0 the chain is intact (and no anchor contradicts it), 1 a break or a
contradicted anchor was found, 2 usage error, an anchor file that cannot be read, or the
vault cannot be opened (wrong passphrase: nothing was changed).
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

const STATUS_WORDS = {
  holds: 'holds       ',
  contradicted: 'CONTRADICTS ',
  'other-vault': 'other vault ',
} as const;

export function formatAnchorReport(report: AnchorFilesReport): string {
  const count = (status: keyof typeof STATUS_WORDS) =>
    report.verdicts.filter((v) => v.status === status).length;
  const lines = [
    report.verdicts.some((v) => v.status === 'contradicted')
      ? `ANCHORS CONTRADICT THE CHAIN: ${String(count('contradicted'))} of ${String(report.verdicts.length)} anchors (the vault's chain ends at event ${String(report.vaultHead.seq)}).`
      : `Anchors: ${String(report.verdicts.length)} read, ${String(count('holds'))} hold, none contradicts the chain (it ends at event ${String(report.vaultHead.seq)}).`,
  ];
  for (const { anchor, status, message } of report.verdicts) {
    const mac =
      anchor.kind === 'backup' && anchor.authenticated === false
        ? ' (its manifest does not authenticate under this vault key)'
        : '';
    lines.push(`  ${STATUS_WORDS[status]} ${anchor.source}, event ${String(anchor.seq)}${mac}`);
    if (status !== 'holds') lines.push(`               ${message}`);
  }
  if (report.firstDifference !== undefined) lines.push(report.firstDifference.message);
  for (const { path, reason } of report.problems) lines.push(`  cannot read  ${path}: ${reason}`);
  for (const { path, reason } of report.ignored) lines.push(`  ignored      ${path}: ${reason}`);
  return `${lines.join('\n')}\n`;
}

export function runAudit(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = {
    name: 'audit',
    help: auditHelp,
    options: {
      anchors: { type: 'string', multiple: true },
      'stored-receipts': { type: 'boolean' },
      out: { type: 'string' },
    },
  } as const;
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [action, ...extra] = positionals;
    if ((action !== 'verify' && action !== 'head') || extra.length > 0)
      throw usageFailure('Use "kpdesk audit verify" or "kpdesk audit head".');
    if (action === 'head') {
      if (values.anchors !== undefined || values['stored-receipts'] === true)
        throw usageFailure('--anchors and --stored-receipts belong to "kpdesk audit verify".');
      return printHead(values, io, json, values.out);
    }
    if (values.out !== undefined) throw usageFailure('--out belongs to "kpdesk audit head".');
    const anchors = values.anchors ?? [];
    const storedReceipts = values['stored-receipts'] === true;
    const { report, anchorReport, proved } = await withVaultForCommand(
      values,
      io,
      async ({ services, db, dir, key }) => {
        const { helper } = services.audit;
        // One read snapshot: the report names the head it proved (snapshot-verification.ts).
        const { head, ...report } = verifySnapshot(db, helper === undefined ? {} : { helper });
        const anchorReport =
          anchors.length === 0 && !storedReceipts
            ? undefined
            : await checkAnchorFiles(db, anchors, {
                cwd: io.cwd,
                vaultId: readVaultKeyFile(dir).vaultId,
                key,
                storedReceipts,
              });
        const contradicted = anchorReport?.verdicts.some((v) => v.status === 'contradicted');
        const now = () => new Date();
        // No user signs in for a verification: the head is recorded as the system's (null).
        const proved: VerifiedHead | null =
          contradicted === true
            ? null
            : recordVerifiedHead(db, createAuditWriter(db, now), { ...report, head }, null, now);
        return { report, anchorReport, proved };
      },
    );
    if (json)
      io.stdout(
        `${JSON.stringify(anchorReport === undefined ? report : { ...report, anchors: anchorReport }, null, 2)}\n`,
      );
    else
      io.stdout(
        formatAuditReport(report) +
          (proved === null
            ? ''
            : `Recorded as the last full verification (up to event ${String(proved.seq)}): the next unlock checks from there.\n`) +
          (anchorReport === undefined ? '' : formatAnchorReport(anchorReport)),
      );
    const contradicted = anchorReport?.verdicts.some((v) => v.status === 'contradicted') ?? false;
    if (!report.ok || contradicted) return exitCodes.findingErrors;
    return (anchorReport?.problems.length ?? 0) > 0 ? exitCodes.usage : exitCodes.ok;
  });
}

async function printHead(
  values: Parameters<typeof withVaultForCommand>[0],
  io: CliIo,
  json: boolean,
  out: string | undefined,
): Promise<ExitCode> {
  const head = await withVaultForCommand(values, io, ({ db, dir }) => ({
    ...readChainHead(db),
    vaultId: readVaultKeyFile(dir).vaultId,
  }));
  const line = formatAnchorLine(head);
  if (out !== undefined) {
    const path = resolve(io.cwd, out);
    await writeFile(path, `${line}\n`, { flag: 'wx' }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new AppFailure(
          'CONFLICT',
          `A file already exists at ${path}. Choose another name for the head; nothing was overwritten.`,
        );
      throw new AppFailure('NOT_FOUND', `The head cannot be written to ${path}.`);
    });
  }
  io.stdout(json ? `${JSON.stringify({ line, ...head }, null, 2)}\n` : `${line}\n`);
  return exitCodes.ok;
}
