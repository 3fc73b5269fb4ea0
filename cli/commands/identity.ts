// `kpdesk identity show|generate|import|csr|import-certificate`: the vault's signing identity from
// the command line, through the same operations as the app's Settings → Signing identity
// (electron/core/vault/identity-operations.ts). Every role may see who signs; only an
// administrator generates or imports, each change is one transaction with its audit event, and
// the private key never leaves the vault: the CLI prints the certificate's summary, the CSR and
// the seal's public key, never the key.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IdentitySummary } from '../../shared/ipc/documents-contract';
import { AppFailure } from '../../electron/core/app-failure';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { runVaultCommand, withVaultForCommand } from '../open-vault-for-command';
import { readSecret } from '../read-secret';
import {
  requireActingUser,
  signInFromOptions,
  signInHelp,
  signInOptions,
} from '../sign-in-from-options';
import { unlockHelp } from '../unlock-from-options';
import { writeNewFile } from '../write-new-file';
import {
  openSigningForCommand,
  signingSecretHelp,
  signingSecretOptions,
} from '../open-signing-for-command';
import {
  identityKeyOptions,
  identityKeysHelp,
  isIdentityKeyAction,
  runIdentityKeys,
} from './identity-keys';
import {
  identityReplaceHelp,
  identityReplaceOptions,
  runIdentityReplace,
} from './identity-replace';

export const P12_PASSWORD_ENV = 'KPDESK_P12_PASSWORD';

export const identitySummary = 'Show, generate or import the signing identity; print its CSR.';

export const identityHelp = `Usage:
  kpdesk identity [show] --user <username> [options]
  kpdesk identity generate --signer-name <name> --user <admin> [--key-type <type>]
                           [--organization <name>] [--csr-out <file>] [options]
  kpdesk identity import <file.p12|.pfx> --user <admin> [--signer-name <name>]
                           [--p12-password-file <file>] [options]
  kpdesk identity csr --user <username> [--out <file>] [options]
  kpdesk identity import-certificate <file.pem|.crt|.cer> --user <admin> [options]
${identityKeysHelp}${identityReplaceHelp}
The signing identity signs every certificate PDF (PAdES) and its first creation also makes the
vault's seal key (the QR seal). The private key stays inside the encrypted vault.

show                Who signs: subject, issuer, validity, fingerprint, seal public key (any role).
generate            A new key pair with a self-signed certificate and a PKCS#10 request (CSR)
                    for a certification authority (administrators). Replaces the current
                    identity; documents signed before stay verifiable.
import              A PKCS#12 file (.p12/.pfx) from a certification authority (administrators).
csr                 Prints the CSR of the generated key, to send to a certification authority.
import-certificate  The certificate the authority issued for that CSR, with its chain
                    (administrators); it replaces the self-signed certificate, same key.

Options:
  --signer-name <name>        The authorised signatory (the certificate's CN; printed in the
                              visible signature). For import, by default the certificate's CN.
  --organization <name>       The certificate's O=; by default the licensee's legal name.
  --key-type <type>           ecdsa-p256 (default), rsa-3072 or rsa-2048.
  --csr-out <file>            generate: also write the CSR to this new file.
  --out <file>                csr: write the CSR to this new file instead of printing it.
  --p12-password-file <file>  Read the PKCS#12 password from a file (else $${P12_PASSWORD_ENV},
                              else a prompt).
${signInHelp}
${signingSecretHelp}
${unlockHelp}
  --json                      Print one JSON object: { identity } (null when there is none),
                              with { certificationRequestPem } for generate and csr.
  -h, --help                  Show this help.

Exit codes: 0 done; 2 usage error or refused (wrong passphrase or password, not allowed for
your role, a file that is not a usable identity): nothing was changed.
`;

const actions = ['show', 'generate', 'import', 'csr', 'import-certificate'] as const;
type Action = (typeof actions)[number];

const identityOptions = {
  ...signInOptions,
  'signer-name': { type: 'string' },
  organization: { type: 'string' },
  'key-type': { type: 'string' },
  'csr-out': { type: 'string' },
  out: { type: 'string' },
  'p12-password-file': { type: 'string' },
  ...identityKeyOptions,
  ...identityReplaceOptions,
  ...signingSecretOptions,
} as const;

type IdentityOutput = { identity: IdentitySummary | null; certificationRequestPem?: string };

export function formatIdentity(identity: IdentitySummary | null): string {
  if (identity === null)
    return 'There is no signing identity yet. An administrator generates one with "kpdesk identity generate" or imports one with "kpdesk identity import".\n';
  const lines = [
    `Signer:       ${identity.signerName}`,
    `Subject:      ${identity.subject}`,
    `Issuer:       ${identity.issuer}${identity.selfSigned ? ' (self-signed: no reader trusts it until a certification authority issues the certificate)' : ''}`,
    `Valid:        ${identity.validFrom.slice(0, 10)} to ${identity.validTo.slice(0, 10)}${identity.expiresWithin30Days ? ' (ends within 30 days)' : ''}`,
    `Key:          ${identity.keyType === 'ec' ? 'ECDSA' : 'RSA'}, ${identity.source}, chain of ${identity.chainLength}`,
    `Fingerprint:  ${identity.fingerprintSha256} (SHA-256)`,
  ];
  const warning = identity.warning;
  if (warning?.kind === 'expired')
    lines.push(`Warning:      expired on ${warning.since.slice(0, 10)}`);
  if (warning?.kind === 'expires-soon')
    lines.push(`Warning:      ends in ${String(warning.daysLeft)} days`);
  if (warning?.kind === 'not-yet-valid')
    lines.push(`Warning:      valid only from ${warning.from.slice(0, 10)}`);
  if (identity.sealPublicKeyPem !== null)
    lines.push('Seal public key (for partners who check the QR seal):', identity.sealPublicKeyPem);
  return `${lines.join('\n').trimEnd()}\n`;
}

function parseAction(positionals: readonly string[]): { action: Action; file?: string } {
  const [first = 'show', file, ...rest] = positionals;
  const action = actions.find((known) => known === first);
  if (action === undefined)
    throw usageFailure(`Unknown identity action "${first}": use ${actions.join(', ')}.`);
  const takesFile = action === 'import' || action === 'import-certificate';
  if (rest.length > 0 || (!takesFile && file !== undefined))
    throw usageFailure(`Too many arguments for "kpdesk identity ${action}".`);
  if (takesFile && file === undefined)
    throw usageFailure(
      action === 'import'
        ? 'Name the PKCS#12 file to import, e.g. kpdesk identity import signer.p12.'
        : 'Name the certificate file the authority issued, e.g. kpdesk identity import-certificate signer.pem.',
    );
  return file === undefined ? { action } : { action, file };
}

export function runIdentity(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec = { name: 'identity', help: identityHelp, options: identityOptions };
  return runVaultCommand(args, io, spec, async ({ values, positionals, json }) => {
    // The protection of the signing keys (identity-keys.ts): secret, workstation, escrow.
    if (isIdentityKeyAction(positionals[0]))
      return runIdentityKeys({ values, positionals, json }, io);
    // Keys nobody can open any more (identity-replace.ts).
    if (positionals[0] === 'replace')
      return runIdentityReplace({ values, json, extra: positionals.slice(1) }, io);
    const { action, file } = parseAction(positionals);
    // Checked before anything is generated: a refusal after the commit would look like a failure.
    for (const option of ['csr-out', 'out'] as const) {
      const target = values[option];
      if (target !== undefined && existsSync(resolve(io.cwd, target)))
        throw usageFailure(`${target} already exists; it is never overwritten.`, {
          [`--${option}`]: 'exists',
        });
    }
    if (action === 'generate' && (values['signer-name'] ?? '').trim() === '')
      throw usageFailure('Name the authorised signatory with --signer-name "Jane Doe".', {
        '--signer-name': 'required',
      });
    requireActingUser(values, io);

    const output = await withVaultForCommand(
      values,
      io,
      async ({ services, db }): Promise<IdentityOutput> => {
        const actor = await signInFromOptions(services, values, io);
        const operations = documentOperationsFor(db, {
          now: () => new Date(),
          resourcesDir: undefined,
        }).identity;
        if (action === 'show') return { identity: operations.get(actor) };
        // A new or changed identity is wrapped under the signing keys: open them for this run
        // (the administrator's secret, or a computer opened for signing).
        if (action !== 'csr')
          await openSigningForCommand(
            documentOperationsFor(db, { now: () => new Date(), resourcesDir: undefined })
              .signingKeys,
            actor,
            values,
            io,
          );
        if (action === 'generate') {
          const generated = operations.generate(actor, {
            signerName: values['signer-name'],
            ...(values.organization === undefined ? {} : { organization: values.organization }),
            ...(values['key-type'] === undefined ? {} : { keyType: values['key-type'] }),
          });
          // Written after the commit: a CSR is public, and "kpdesk identity csr" prints it again.
          if (values['csr-out'] !== undefined)
            await writeNewFile(
              resolve(io.cwd, values['csr-out']),
              '--csr-out',
              generated.certificationRequestPem,
            );
          return generated;
        }
        if (action === 'import') {
          // Checked for the role before the password is asked for, as the app asks before its dialog.
          operations.checkImport(actor);
          const password = await readSecret(
            {
              label: 'PKCS#12 password',
              fileOption: '--p12-password-file',
              file: values['p12-password-file'],
              envVar: P12_PASSWORD_ENV,
            },
            io,
          );
          const identity = operations.importFile(actor, {
            path: resolve(io.cwd, file ?? ''),
            password,
            ...(values['signer-name'] === undefined ? {} : { signerName: values['signer-name'] }),
          });
          return { identity };
        }
        if (action === 'import-certificate')
          return {
            identity: operations.importCertificateFile(actor, {
              path: resolve(io.cwd, file ?? ''),
            }),
          };
        const identity = operations.get(actor);
        const pem = identity?.certificationRequestPem ?? null;
        if (pem === null)
          throw new AppFailure(
            'NOT_FOUND',
            identity === null
              ? 'There is no signing identity yet, so there is no certificate request. Generate one first: kpdesk identity generate.'
              : 'The signing identity was imported from a PKCS#12 file: it has no certificate request. Only a key generated by KP Desk has one.',
          );
        if (values.out !== undefined) await writeNewFile(resolve(io.cwd, values.out), '--out', pem);
        return { identity, certificationRequestPem: pem };
      },
    );
    if (json) io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    else if (action === 'csr' && values.out === undefined)
      io.stdout(output.certificationRequestPem ?? '');
    else if (action === 'csr') io.stdout(`Certificate request written to ${values.out ?? ''}\n`);
    else {
      const heading: Record<Action, string> = {
        show: '',
        generate:
          'Generated a new signing identity (self-signed). Send its certificate request (kpdesk identity csr) to the certification authority.\n',
        import: 'Imported the signing identity.\n',
        'import-certificate': 'The certificate from the authority now signs, with the same key.\n',
        csr: '',
      };
      io.stdout(`${heading[action]}${formatIdentity(output.identity)}`);
    }
    return exitCodes.ok;
  });
}
