// The vault gateway's `signingWorkstation` group, for main only, which holds the OS keychain
// (workstation-signing.ts); never IPC channels: the opened workstations' sealed keys, and opening
// signing with the wrapping key this computer's keychain released. Before sign-in too: an opened
// workstation signs for whoever signs in.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { documentOperationsFor } from '../vault/document-gateway-groups';
import type { DocumentOperationsOptions } from '../vault/document-operations';
import { parseInput } from '../vault/repositories/parse-input';
import { OpenFromWorkstationSchema } from './workstation-signing';

/** `db`: the open vault's connection (throws VAULT_LOCKED otherwise). */
export function signingWorkstationGatewayGroup(
  db: () => Database,
  documentOptions: DocumentOperationsOptions,
) {
  return {
    wraps: () => documentOperationsFor(db(), documentOptions).signingKeys.workstationWraps(),
    open: (input: unknown): boolean => {
      const { workstationId, wrappingKeyHex } = parseInput(OpenFromWorkstationSchema, input);
      const wrappingKey = Buffer.from(wrappingKeyHex, 'hex');
      try {
        return documentOperationsFor(db(), documentOptions).signingKeys.openFromWorkstation(
          workstationId,
          wrappingKey,
        );
      } finally {
        wrappingKey.fill(0);
      }
    },
  };
}
