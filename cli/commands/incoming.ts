// `kpdesk incoming register|list|receipt-report|confirm-sent`: foreign KP certificates received
// on an import (electron/core/incoming), for an importer's scripts as in the app's Records.
// Registering stores the certificate and its scan in the vault and queues its Census copy
// (31 CFR 592.301(a)(1)(iii)); the receipt confirmation owed to the exporting authority within
// 15 calendar days of entry is produced as a PDF and recorded as sent on a date.
import { resolve } from 'node:path';
import { findResourcesDir } from '../../electron/core/documents/find-resources-dir';
import { SCAN_MAX_BYTES } from '../../electron/core/incoming/scan-file-type';
import type { IncomingListItem } from '../../shared/incoming/incoming-views';
import { parseIsoDate } from '../../shared/domain/calendar-date';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readBoundedFile } from '../read-bounded-file';
import {
  requireActingUser,
  signInFromOptions,
  signInHelp,
  signInOptions,
} from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import { writeNewFile } from '../write-new-file';

const MAX_JSON_BYTES = 1024 * 1024;

export const incomingSummary =
  'Register foreign certificates received on an import; their receipt confirmations.';

export const incomingHelp = `Usage:
  kpdesk incoming register <certificate.json> [--scan <file.pdf|png|jpg>] --user <username>
  kpdesk incoming list [--json] --user <username>
  kpdesk incoming receipt-report <number> --out <file.pdf> --user <username>
  kpdesk incoming confirm-sent <number> --date <YYYY-MM-DD> --user <username>

A foreign Kimberley Process certificate that came with an import (docs/cli.md has the JSON).
register        Checks and stores it with its scan (inside the encrypted vault; PDF, PNG or
                JPEG by content, at most ${String(SCAN_MAX_BYTES / 1048576)} MB) and queues its copy for Census
                (31 CFR 592.301(a)(1)(iii): immediately after entry). Its number must start with
                the exporting Participant's ISO code, and can never be used on an export.
list            Every incoming certificate, newest entry first, with the receipt confirmation's
                due date and state (due, due-soon, OVERDUE, sent) and the Census copy's state.
receipt-report  Writes the confirmation of receipt for the exporting authority (number,
                parcels, carats, importer, exporter, date received) as a new PDF.
confirm-sent    Records the day the confirmation was sent (once; it cannot prove delivery).
Operators and administrators register and confirm; every role may list and write reports.

Options:
  --scan <file>               register: the scan of the paper certificate.
  --out <file.pdf>            receipt-report: the new PDF (never overwritten).
  --date <YYYY-MM-DD>         confirm-sent: the day the confirmation was sent.
${signInHelp}
${unlockHelp}
  --json                      Print JSON: the record (register, confirm-sent), { incoming }
                              (list), { file } (receipt-report).
  -h, --help                  Show this help.

Exit codes: 0 done; 2 usage error or refused (a field breaking a rule, named with the rule; a
number already registered; wrong passphrase or password; not allowed for your role): nothing was
changed.
`;

const incomingOptions = {
  ...signInOptions,
  scan: { type: 'string' },
  out: { type: 'string' },
  date: { type: 'string' },
} as const;

const DUTY_WORDS: Record<IncomingListItem['receiptDuty'], string> = {
  sent: 'sent',
  due: 'due',
  'due-soon': 'due soon',
  overdue: 'OVERDUE',
};

export function formatIncoming(items: readonly IncomingListItem[]): string {
  if (items.length === 0) return 'No incoming certificates are registered.\n';
  const rows = items.map((item) => [
    item.number,
    item.exportingParticipant,
    item.dateOfEntry,
    `${item.carats} ct`,
    item.exporter.name,
    `${DUTY_WORDS[item.receiptDuty]} ${item.receiptSentOn ?? item.receiptDueOn}`,
    item.censusCopy?.status ?? '-',
  ]);
  const head = [
    'Number',
    'From',
    'Entered',
    'Carats',
    'Exporter',
    'Receipt confirmation',
    'Census copy',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

function describe(item: IncomingListItem): string {
  return `${item.number} from ${item.exportingParticipant}, entered ${item.dateOfEntry}: receipt confirmation ${
    item.receiptSentOn === null
      ? `due by ${item.receiptDueOn} (${DUTY_WORDS[item.receiptDuty]})`
      : `sent on ${item.receiptSentOn}`
  }; Census copy ${item.censusCopy?.status ?? 'none'}.`;
}

export function runIncoming(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'incoming', help: incomingHelp, options: incomingOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    const [action, subject, ...rest] = positionals;
    const actions = ['register', 'list', 'receipt-report', 'confirm-sent'];
    if (action === undefined || !actions.includes(action))
      throw usageFailure(`Say what to do: kpdesk incoming ${actions.join('|')}.`);
    if (rest.length > 0 || (action === 'list' && subject !== undefined))
      throw usageFailure(`Too many arguments for "kpdesk incoming ${action}".`);
    if (action !== 'list' && subject === undefined)
      throw usageFailure(
        action === 'register'
          ? 'Name the certificate file: kpdesk incoming register certificate.json.'
          : `Name the certificate number: kpdesk incoming ${action} BW012345.`,
      );
    requireActingUser(values, io);
    if (action === 'receipt-report' && (values.out === undefined || !/\.pdf$/i.test(values.out)))
      throw usageFailure('Give the new PDF with --out <file.pdf>.', { '--out': 'required' });
    const date = values.date?.trim() ?? '';
    if (action === 'confirm-sent' && parseIsoDate(date) === null)
      throw usageFailure('Give the day the confirmation was sent with --date YYYY-MM-DD.', {
        '--date': date === '' ? 'required' : `"${date}" is not a date`,
      });

    let certificate: unknown;
    let scan: { fileName: string; content: Buffer } | undefined;
    if (action === 'register' && subject !== undefined) {
      const bytes = readBoundedFile(resolve(io.cwd, subject), subject, MAX_JSON_BYTES);
      try {
        certificate = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw usageFailure(`${subject} is not JSON.`, { file: 'not JSON' });
      }
      if (values.scan !== undefined)
        scan = {
          fileName: values.scan.split(/[\\/]/).at(-1) ?? values.scan,
          content: readBoundedFile(resolve(io.cwd, values.scan), values.scan, SCAN_MAX_BYTES),
        };
    }

    type Output =
      | { kind: 'list'; incoming: IncomingListItem[] }
      | { kind: 'file'; file: string }
      | { kind: 'item'; item: IncomingListItem };
    const output = await withVaultForCommand(values, io, async ({ services }): Promise<Output> => {
      const actor = await signInFromOptions(services, values, io);
      const { incoming } = services;
      switch (action) {
        case 'register': {
          const saved = incoming.register(actor, {
            certificate,
            ...(scan === undefined ? {} : { scan }),
          });
          return { kind: 'item', item: incoming.item(actor, saved.number) };
        }
        case 'confirm-sent': {
          const saved = incoming.confirmReceiptSent(actor, { number: subject, sentOn: date });
          return { kind: 'item', item: incoming.item(actor, saved.number) };
        }
        case 'receipt-report': {
          const resources = findResourcesDir(undefined, import.meta.dirname);
          if (resources === undefined)
            throw usageFailure('The fonts for the report are missing from this KP Desk.');
          const pdf = await incoming.receiptReportPdf(actor, subject ?? '', resources);
          const file = resolve(io.cwd, values.out ?? '');
          await writeNewFile(file, '--out', pdf);
          return { kind: 'file', file };
        }
        default:
          return { kind: 'list', incoming: incoming.list(actor) };
      }
    });
    if ('incoming' in output)
      io.stdout(json ? `${JSON.stringify(output, null, 2)}\n` : formatIncoming(output.incoming));
    else if ('file' in output)
      io.stdout(
        json ? `${JSON.stringify(output)}\n` : `Wrote the receipt confirmation to ${output.file}\n`,
      );
    else
      io.stdout(json ? `${JSON.stringify(output.item, null, 2)}\n` : `${describe(output.item)}\n`);
    return exitCodes.ok;
  });
}
