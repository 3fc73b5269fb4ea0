// `kpdesk identity replace --reason TEXT`: signing keys nobody can open any more (issue 13, part 3
// follow-up; docs/security.md). When no signing secret works and no computer opened for signing
// opens the keys (that computer was replaced or its keychain lost), an administrator replaces
// them with a new signing identity and seal key, through the same operation as the app's
// Settings → Signing identity (electron/core/signing-keys/replace-signing-keys.ts). Certificates
// signed before stay verifiable; the new keys are pending until a signing secret is set or a
// computer is opened for signing, as for any new identity.
import type { SigningKeysReplaced } from '../../shared/ipc/signing-keys-replacement-contract';
import { inProcessWorkstationVault } from '../../electron/core/signing-keys/in-process-workstation-vault';
import { openSigningOnThisWorkstation } from '../../electron/core/signing-keys/workstation-signing';
import { documentOperationsFor } from '../../electron/core/vault/document-gateway-groups';
import { cliFileKeychain, cliKeychainPath } from '../cli-file-keychain';
import type { CliIo, ExitCode } from '../cli-io';
import { exitCodes } from '../cli-io';
import { usageFailure } from '../command-outcome';
import { withVaultForCommand } from '../open-vault-for-command';
import { signInFromOptions } from '../sign-in-from-options';
import type { UnlockValues } from '../unlock-from-options';

export const identityReplaceHelp = `  kpdesk identity replace --reason <text> --user <admin> [--signer-name <name>]
                           [--key-type <type>] [options]

replace             Only when the signing keys can no longer be opened (no signing secret works,
                    no computer opened for signing opens them): makes a new signing identity
                    and seal key (administrators), recording --reason. Certificates signed
                    before stay valid and verifiable; new ones are signed by the new identity.
                    Tell USKPA the new certificate if it pins the old one. Then set a signing
                    secret (kpdesk identity secret set) or open this computer for signing.
  --reason <text>             replace: why the keys cannot be opened (kept in the record).
`;

export const identityReplaceOptions = { reason: { type: 'string' } } as const;

type ReplaceValues = {
  user?: string | undefined;
  reason?: string | undefined;
  'signer-name'?: string | undefined;
  'key-type'?: string | undefined;
} & UnlockValues;

export function formatReplaced(replaced: SigningKeysReplaced): string {
  return [
    'The signing keys were replaced.',
    `New identity: ${replaced.identity.signerName}, fingerprint ${replaced.identity.fingerprintSha256} (SHA-256)`,
    `Retired:      fingerprint ${replaced.retiredFingerprintSha256}; certificates it signed stay verifiable.`,
    `Erased:       ${String(replaced.erasedWraps)} signing secret(s) or opened computer(s) of the old keys.`,
    'If USKPA or a partner pins the signing certificate, send them the new one (kpdesk identity show).',
    'Next: protect the new keys with "kpdesk identity secret set" or "kpdesk identity open-workstation".',
    '',
  ].join('\n');
}

export async function runIdentityReplace(
  { values, json, extra }: { values: ReplaceValues; json: boolean; extra: readonly string[] },
  io: CliIo,
): Promise<ExitCode> {
  if (extra.length > 0) throw usageFailure('Too many arguments for "kpdesk identity replace".');
  if (values.reason === undefined || values.reason.trim() === '')
    throw usageFailure(
      'Say why the signing keys cannot be opened with --reason "…" (kept in the record).',
      { '--reason': 'required' },
    );
  if (values.user === undefined && io.terminal === undefined)
    throw usageFailure('Name the administrator who acts with --user <username>.', {
      '--user': 'required',
    });
  const replaced = await withVaultForCommand(values, io, async ({ services, db }) => {
    const actor = await signInFromOptions(services, values, io);
    const operations = documentOperationsFor(db, {
      now: () => new Date(),
      resourcesDir: undefined,
    });
    // A new process holds nothing: this computer, if opened for signing, opens the keys as it
    // does before a signature, and keys it opens are refused a replacement.
    await openSigningOnThisWorkstation(
      inProcessWorkstationVault(operations.signingKeys, actor),
      cliFileKeychain(cliKeychainPath(io.env)),
    );
    return operations.replaceSigningKeys(actor, {
      reason: values.reason,
      // The command and its required reason are the confirmation the app's dialog asks for.
      confirm: true,
      ...(values['signer-name'] === undefined ? {} : { signerName: values['signer-name'] }),
      ...(values['key-type'] === undefined ? {} : { keyType: values['key-type'] }),
    });
  });
  io.stdout(json ? `${JSON.stringify(replaced, null, 2)}\n` : formatReplaced(replaced));
  return exitCodes.ok;
}
