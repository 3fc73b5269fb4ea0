// Replacing signing keys that can no longer be opened (issue 13, part 3 follow-up;
// docs/security.md, "Keys nobody can open"). The signing and seal private keys are wrapped under
// a KEK that only a signing secret or a computer opened for signing opens. When none of them
// works any more (the opened computer was replaced or its keychain lost, e.g. after a restore on
// a new computer; every signing secret forgotten), the keys are unusable and nothing could sign
// again: the old identity could not even be replaced, because new keys are wrapped under the
// current KEK. An administrator then replaces them, in one transaction:
//   - every wrap of the old KEK is erased (each an audit event): it opens only retired keys;
//   - the seal key is retired and the new identity stored (retiring the old one) under a new
//     KEK, pending and open in this session, as for a vault's first identity, so the next step
//     is the same: open this computer for signing or set a signing secret;
//   - a row of signing_key_replacements records the reason, who, and what was retired.
// Nothing is deleted: the old certificate and seal public key stay in the vault, so every
// certificate signed before verifies against what signed it (31 CFR 501.601, ten-year record).
// Only while signing is locked and no pending KEK opens the keys: otherwise they can be opened,
// and an ordinary new identity (Settings → Signing identity) keeps the protection as it is.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SigningKeysReplaced } from '../../../shared/ipc/signing-keys-replacement-contract';
import { ReplaceSigningKeysSchema } from '../../../shared/ipc/signing-keys-replacement-contract';
import { AppFailure } from '../app-failure';
import type { Actor } from '../issuance/actor';
import type { AuditWriter } from '../vault/audit/audit-chain';
import type { IdentityOperations } from '../vault/identity-operations';
import type { IdentityRepository } from '../vault/repositories/identity-repository';
import { parseInput } from '../vault/repositories/parse-input';
import type { SigningKeyring } from './signing-keyring';

export type ReplaceSigningKeysContext = {
  db: Database;
  identities: IdentityRepository;
  identity: IdentityOperations;
  keyring: SigningKeyring;
  audit: AuditWriter;
  now: () => Date;
};

const CAN_BE_OPENED =
  'The signing keys can be opened, so they need no replacement. To sign with a new identity, generate or import one in Settings → Signing identity (kpdesk identity generate); it keeps how the keys are protected.';

export function replaceSigningKeys(
  context: ReplaceSigningKeysContext,
  actor: Actor,
  input: unknown,
): SigningKeysReplaced {
  const { db, identities, keyring, audit } = context;
  const user = keyring.authorizeAdministrator(actor, 'replace the signing keys');
  const request = parseInput(ReplaceSigningKeysSchema, input);
  const retired = identities.active();
  if (retired === null)
    throw new AppFailure(
      'NOT_FOUND',
      'There is no signing identity to replace: generate or import one in Settings → Signing identity.',
    );
  const status = keyring.status(actor);
  // Open in this session, or still pending (the passphrase opens it): nothing to replace.
  if (status.canSign || status.state !== 'protected')
    throw new AppFailure('CONFLICT', CAN_BE_OPENED);

  const insert = db.prepare(
    `INSERT INTO signing_key_replacements
       (reason, retired_identity_id, retired_seal_key_id, erased_wraps, replaced_at, replaced_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const setNewIdentity = db.prepare<[number, number]>(
    'UPDATE signing_key_replacements SET new_identity_id = ? WHERE id = ?',
  );

  let erasedWraps = 0;
  try {
    const generated = db
      .transaction(() => {
        erasedWraps = keyring.eraseWrapsForReplacement(user.id);
        const retiredSealId = identities.retireSealKey();
        if (retiredSealId !== null)
          audit.append({
            userId: user.id,
            action: 'seal-key.retire',
            entityType: 'seal_key',
            entityId: retiredSealId,
          });
        const replacementId = Number(
          insert.run(
            request.reason,
            retired.id,
            retiredSealId,
            erasedWraps,
            context.now().toISOString(),
            user.id,
          ).lastInsertRowid,
        );
        // No wrap is left, so the identity is stored under a new KEK (kekForNewKeys), held in this
        // session, with a new seal key (none is active): the nested transaction is a savepoint.
        const made = context.identity.generate(actor, {
          signerName: request.signerName ?? retired.signerName,
          keyType: request.keyType,
        });
        const stored = identities.active();
        if (stored === null) throw new Error('the new identity is missing after the replacement');
        setNewIdentity.run(stored.id, replacementId);
        audit.append({
          userId: user.id,
          action: 'signing-keys.replace',
          entityType: 'signing_key_replacement',
          entityId: replacementId,
        });
        return made;
      })
      .immediate();
    keyring.checkpointErased();
    return {
      identity: generated.identity,
      certificationRequestPem: generated.certificationRequestPem,
      retiredFingerprintSha256: retired.fingerprintSha256,
      erasedWraps,
      signingKeys: keyring.status(actor),
    };
  } catch (error: unknown) {
    // The transaction rolled back and the old wraps are back: a KEK the keyring took for the new
    // keys opens none of them, so it must not stay held (it would claim that signing works).
    keyring.close();
    throw error;
  }
}
