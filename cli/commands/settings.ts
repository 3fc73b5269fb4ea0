// `kpdesk settings recipient [<census|uskpa> (--https URL --ca FILE --client-cert FILE
// --client-key FILE | --smtp URL --to ADDR [--ca FILE] [--smtp-user U --smtp-password-file F]
// | --manual)]`: where copies to Census and USKPA go (issue 12). The mail login's options are
// --smtp-user/--smtp-password-file because --user/--password-file sign the administrator in. The settings
// live in the vault (they are the licensee's); an administrator changes them, with an audit
// event. Bad settings (a malformed URL, a missing or expired client certificate, a CA that is
// expired or not a CA, a key that is not the certificate's) are refused with the option named,
// and nothing is saved or sent.
import { resolve } from 'node:path';
import { AppFailure } from '../../electron/core/app-failure';
import { createSubmissionService } from '../../electron/core/submission/submission-service';
import type { RecipientSummary } from '../../electron/core/submission/recipient-settings-store';
import { summarize } from '../../electron/core/submission/recipient-settings-store';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readBoundedFile } from '../read-bounded-file';
import { signInFromOptions, signInHelp, signInOptions } from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const settingsSummary = 'Show or set where copies to Census and USKPA are sent.';

export const settingsHelp = `Usage:
  kpdesk settings recipient [options]
  kpdesk settings recipient <census|uskpa> --https <url> --ca <file> --client-cert <file>
                            --client-key <file> --user <admin> [options]
  kpdesk settings recipient <census|uskpa> --smtp <url> --to <address> [--from <address>]
                            [--ca <file>] [--smtp-user <name> --smtp-password-file <file>]
                            --user <admin> [options]
  kpdesk settings recipient <census|uskpa> --manual --user <admin> [options]

Census must receive a copy of every exported and every voided certificate (31 CFR
592.301(a)(1)(iv)-(v)); USKPA a report of each certificate's use. "kpdesk submit" sends them
to the recipients set here (docs/submission-api.md). Without a setting, nothing is sent.

--https <url>         The recipient's submission address (https:// only).
--ca <file>           The recipient's CA certificate (PEM): the ONLY authority trusted for
                      that server and its receipts.
--client-cert <file>  Your client certificate (PEM), issued to you by the recipient.
--client-key <file>   Its private key (PEM, unencrypted); it is kept inside the vault.
--smtp <url>          E-mail: the mail server, smtp://host[:port] (STARTTLS required, 587 if
                      omitted) or smtps://host[:port] (TLS from the start, 465 if omitted);
                      TLS 1.2 or later either way; a server without TLS gets nothing.
                      Delivered then means "accepted by the mail server", not read.
--to <address>        The address the copies are sent to.
--from <address>      The sender address (default: the mail user name, else kp-desk@host).
--ca <file>           With --smtp: the mail server's CA (PEM), pinned; without it the
                      system's CAs are trusted.
--smtp-user <name>    The mail login (only inside TLS).
--smtp-password-file <file>
                      Its password (first line); kept only in the vault, never shown.
--manual              Fax or secure file transfer: copies stay Pending until you record them
                      (kpdesk submissions package / confirm).
${signInHelp}
${unlockHelp}
  --json              Print one JSON object: { recipients } or { saved } ({ error } if refused).
  -h, --help          Show this help.

Exit codes: 0 done, 2 usage error or refused settings (nothing was changed).
`;

const OPTION_OF: Record<string, string> = {
  to: '--to',
  from: '--from',
  username: '--smtp-user',
  password: '--smtp-password-file',
  caPem: '--ca',
  clientCertPem: '--client-cert',
  clientKeyPem: '--client-key',
};

/** PEM files are small; anything larger is not one. */
const MAX_PEM_BYTES = 64 * 1024;

function describeChannel(r: RecipientSummary): string {
  if (r.channel === 'https') return `HTTPS ${r.url ?? ''}`;
  if (r.channel === 'manual') return 'manual (fax or secure file transfer)';
  const login = r.mailLogin === undefined ? '' : `, login ${r.mailLogin}`;
  return `e-mail to ${r.mailTo ?? ''} via ${r.url ?? ''} (STARTTLS, ${r.caPinned === true ? 'CA pinned' : 'system CAs'}${login})`;
}

function formatRecipients(list: readonly RecipientSummary[]): string {
  if (list.length === 0)
    return 'No recipient is set: nothing is sent. Set one with "kpdesk settings recipient census --https ...".\n';
  return list
    .map((r) => `${r.recipient.padEnd(7)} ${describeChannel(r)}  (set ${r.updatedAt.slice(0, 10)})`)
    .join('\n')
    .concat('\n');
}

export function runSettings(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = {
    ...signInOptions,
    https: { type: 'string' },
    ca: { type: 'string' },
    'client-cert': { type: 'string' },
    'client-key': { type: 'string' },
    manual: { type: 'boolean', default: false },
    smtp: { type: 'string' },
    to: { type: 'string' },
    from: { type: 'string' },
    'smtp-user': { type: 'string' },
    'smtp-password-file': { type: 'string' },
  } as const;
  return runVaultCommand(args, io, { name: 'settings', help: settingsHelp, options }, async (p) => {
    const { values, positionals, json } = p;
    const [section, recipient, ...rest] = positionals;
    if (section !== 'recipient')
      throw usageFailure(`Unknown settings section "${section ?? ''}": use "recipient".`);
    if (rest.length > 0) throw usageFailure('Too many arguments for "kpdesk settings recipient".');
    const https = values.https !== undefined;
    const smtp = values.smtp !== undefined;
    if (recipient === undefined) {
      if (https || smtp || values.manual)
        throw usageFailure('Name the recipient: census or uskpa.');
      const list = await withVaultForCommand(values, io, ({ db }) =>
        createSubmissionService(db).recipients(),
      );
      io.stdout(
        json ? `${JSON.stringify({ recipients: list }, null, 2)}\n` : formatRecipients(list),
      );
      return exitCodes.ok;
    }
    if (recipient !== 'census' && recipient !== 'uskpa')
      throw usageFailure(`Unknown recipient "${recipient}": use census or uskpa.`);
    if ([https, smtp, values.manual].filter(Boolean).length !== 1)
      throw usageFailure(
        'Choose one channel: --https <url> (with its files), --smtp <url> --to <address>, or --manual.',
      );
    const mailOnly = {
      '--to': values.to,
      '--from': values.from,
      '--smtp-user': values['smtp-user'],
      '--smtp-password-file': values['smtp-password-file'],
    };
    if (!smtp && Object.values(mailOnly).some((v) => v !== undefined))
      throw usageFailure('--to, --from, --smtp-user and --smtp-password-file go with --smtp.');
    if (smtp && (values['client-cert'] !== undefined || values['client-key'] !== undefined))
      throw usageFailure('--smtp takes no --client-cert or --client-key.');
    if (smtp && values.to === undefined)
      throw usageFailure('Give the address copies go to with --to <address>.', {
        '--to': 'required',
      });
    if (
      smtp &&
      (values['smtp-user'] === undefined) !== (values['smtp-password-file'] === undefined)
    )
      throw usageFailure('Give both --smtp-user and --smtp-password-file, or neither.');
    const files = {
      ca: values.ca,
      'client-cert': values['client-cert'],
      'client-key': values['client-key'],
    };
    if (values.manual && Object.values(files).some((file) => file !== undefined))
      throw usageFailure('--manual takes no --ca, --client-cert or --client-key.');
    const read = (option: keyof typeof files): string | undefined => {
      const file = files[option];
      if (file === undefined) return undefined;
      const bytes = readBoundedFile(resolve(io.cwd, file), `--${option} ${file}`, MAX_PEM_BYTES);
      if (bytes.length > MAX_PEM_BYTES)
        throw new AppFailure(
          'RECIPIENT_SETTINGS_INVALID',
          `--${option} ${file} is too large to be a PEM file.`,
        );
      return bytes.toString('utf8');
    };
    const readPassword = (): string | undefined => {
      const file = values['smtp-password-file'];
      if (file === undefined) return undefined;
      const text = readBoundedFile(resolve(io.cwd, file), `--smtp-password-file ${file}`, 4096)
        .toString('utf8')
        .split(/\r?\n/)[0];
      return text ?? '';
    };
    const ca = read('ca');
    const user = values['smtp-user'];
    const password = readPassword();
    const input = values.manual
      ? { recipient, channel: 'manual' }
      : smtp
        ? {
            recipient,
            channel: 'smtp',
            url: values.smtp,
            to: values.to,
            ...(values.from === undefined ? {} : { from: values.from }),
            ...(ca === undefined ? {} : { caPem: ca }),
            ...(user === undefined ? {} : { username: user, password }),
          }
        : {
            recipient,
            channel: 'https',
            url: values.https,
            caPem: ca,
            clientCertPem: read('client-cert'),
            clientKeyPem: read('client-key'),
          };
    if (values.user === undefined && io.terminal === undefined)
      throw usageFailure('Name the administrator who acts with --user <username>.', {
        '--user': 'required',
      });
    const saved = await withVaultForCommand(values, io, async ({ services, db }) => {
      const actor = await signInFromOptions(services, values, io);
      try {
        return createSubmissionService(db).configureRecipient(actor, input);
      } catch (error) {
        if (!(error instanceof AppFailure) || error.error.fields === undefined) throw error;
        // Name the option the licensee typed, not the field inside the core.
        const [field, message] = Object.entries(error.error.fields)[0] ?? ['', error.message];
        const option = field === 'url' ? (smtp ? '--smtp' : '--https') : OPTION_OF[field];
        throw new AppFailure(
          error.error.code,
          option === undefined ? message : `${option}: ${message}`,
          option === undefined ? error.error.fields : { [option]: message },
        );
      }
    });
    const summary: RecipientSummary = summarize(saved, new Date().toISOString());
    io.stdout(
      json
        ? `${JSON.stringify({ saved: summary }, null, 2)}\n`
        : `Saved:\n${formatRecipients([summary])}`,
    );
    return exitCodes.ok;
  });
}
