// The vault gateway's `signingKeysReplacement` group: identity:replaceKeys, made as the signed-in
// user (`session` throws VAULT_LOCKED or AUTH_FAILED otherwise) where the keys are, in the
// vault's process (replace-signing-keys.ts checks the role and that nothing opens the keys).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SigningKeysReplaced } from '../../../shared/ipc/signing-keys-replacement-contract';
import type { Actor } from '../issuance/actor';
import { documentOperationsFor } from '../vault/document-gateway-groups';
import type { DocumentOperationsOptions } from '../vault/document-operations';

export function replaceKeysGatewayGroup(
  session: () => { db: Database; actor: Actor },
  documentOptions: DocumentOperationsOptions,
) {
  return {
    replace: (input: unknown): SigningKeysReplaced => {
      const { db, actor } = session();
      return documentOperationsFor(db, documentOptions).replaceSigningKeys(actor, input);
    },
  };
}
