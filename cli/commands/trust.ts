// `kpdesk trust list|add <file> --label <name>|remove <fingerprint>`: the vault's trust list from
// the command line, through the same operations as Settings → Trusted certificates
// (trust-list-operations.ts): every role may list, only an administrator adds or removes, each
// change is one transaction with its audit event, and a file that must not be trusted (not a
// certificate, expired, already listed, neither a CA nor fit for signing) is refused with the
// same words. `kpdesk verify --vault` trusts what this list holds.
import { resolve } from 'node:path';
import type { TrustedCertificate } from '../../shared/ipc/trust-contract';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import {
  requireActingUser,
  signInFromOptions,
  signInHelp,
  signInOptions,
} from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';

export const trustSummary = 'List, add or remove the certificates the vault trusts.';

export const trustHelp = `Usage:
  kpdesk trust [list] --user <username> [options]
  kpdesk trust add <certificate.pem|.crt|.cer|.der> --label <name> --user <admin> [options]
  kpdesk trust remove <fingerprint> --user <admin> [options]

A certificate PDF verifies as trusted (kpdesk verify --vault, the app) when its signer's
certificate is one of the vault's signing identities or chains to a certificate in this list:
a certification authority such as USKPA's, or a partner's own signing certificate. Check a
certificate's SHA-256 fingerprint with whoever sent it before adding it.

list    Shows each trusted certificate: name, subject, fingerprint, valid to (every role).
add     Adds one certificate (PEM or DER) under the name given with --label (administrators).
remove  Stops trusting the certificate with this SHA-256 fingerprint ("AB:CD:..."); the vault
        keeps the record that it was trusted (administrators).

Options:
  --label <name>              The name to list the certificate under, e.g. "USKPA root".
${signInHelp}
${unlockHelp}
  --json                      Print one JSON object: { trusted } for list, { added } or
                              { removed } otherwise (a refusal gives { error }).
  -h, --help                  Show this help.

Exit codes: 0 done, 2 usage error or refused (wrong passphrase or password, not allowed for
your role, a file that is not a certificate to trust): nothing was changed.
`;

type TrustOutput =
  | { trusted: TrustedCertificate[] }
  | { added: TrustedCertificate }
  | { removed: TrustedCertificate };

export function formatTrusted(list: readonly TrustedCertificate[]): string {
  if (list.length === 0) return 'No certificates are trusted beyond the vault’s own identities.\n';
  return list
    .map((certificate) =>
      [
        certificate.label,
        `  subject:     ${certificate.subject}`,
        `  kind:        ${certificate.kind === 'certification-authority' ? 'certification authority' : 'signing certificate'}`,
        `  fingerprint: ${certificate.fingerprintSha256}`,
        `  valid to:    ${certificate.validTo.slice(0, 10)}`,
      ].join('\n'),
    )
    .join('\n')
    .concat('\n');
}

export function runTrust(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const options = { ...signInOptions, label: { type: 'string' } } as const;
  return runVaultCommand(args, io, { name: 'trust', help: trustHelp, options }, async (parsed) => {
    const { values, positionals, json } = parsed;
    const [action = 'list', target, ...rest] = positionals;
    if (action !== 'list' && action !== 'add' && action !== 'remove')
      throw usageFailure(`Unknown trust action "${action}": use "list", "add" or "remove".`);
    if (rest.length > 0 || (action === 'list' && target !== undefined))
      throw usageFailure(`Too many arguments for "kpdesk trust ${action}".`);
    if (action !== 'list' && target === undefined)
      throw usageFailure(
        action === 'add'
          ? 'Name the certificate file to trust, e.g. kpdesk trust add uskpa-root.pem --label "USKPA root".'
          : 'Name the SHA-256 fingerprint of the certificate to remove (kpdesk trust list shows it).',
      );
    if (action === 'add' && (values.label ?? '').trim() === '')
      throw usageFailure('Give the certificate a name with --label, e.g. --label "USKPA root".', {
        '--label': 'required',
      });
    requireActingUser(values, io);

    const output = await withVaultForCommand(
      values,
      io,
      async ({ services, db }): Promise<TrustOutput> => {
        const actor = await signInFromOptions(services, values, io);
        const trust = documentOperationsFor(db, {
          now: () => new Date(),
          resourcesDir: undefined,
        }).trust;
        if (action === 'add')
          return {
            added: trust.addFile(actor, {
              path: resolve(io.cwd, target ?? ''),
              label: values.label ?? '',
            }),
          };
        if (action === 'remove') return trust.remove(actor, { fingerprintSha256: target });
        return { trusted: trust.list(actor) };
      },
    );
    if (json) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else if ('added' in output) io.stdout(`Trusted now:\n${formatTrusted([output.added])}`);
    else if ('removed' in output)
      io.stdout(`No longer trusted (the record is kept):\n${formatTrusted([output.removed])}`);
    else io.stdout(formatTrusted(output.trusted));
    return exitCodes.ok;
  });
}
